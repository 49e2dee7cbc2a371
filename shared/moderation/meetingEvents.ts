import { z } from 'zod';
import { APPRAISAL_EVENT, type AppraisalMessage } from '../appraisal/appraisalSchemas.js';
import type { MeetingStatus } from '../meetings/meetingSchemas.js';
import type { MeetingState } from './meetingState.js';
import type { ModerationError } from './moderationErrors.js';
import { moderationCommandSchema } from './moderationSchemas.js';

/** The socket.io namespace of the moderator panel. */
export const MEETING_NAMESPACE = '/meeting';

/** Event names of the `/meeting` namespace. */
export const MeetingEvent = {
  /** Client → server: watch a meeting; acknowledged with its state. */
  join: 'join',
  /** Client → server: stop watching a meeting. */
  leave: 'leave',
  /** Client → server: change the meeting's state; acknowledged with the new version or an error. */
  command: 'command',
  /** Server → clients: the meeting's state after every change. */
  state: 'state',
  /** Server → clients: the meeting's status changed (opened, started, closed, reopened). */
  status: 'status',
  /** Server → clients: the meeting's appraisal round changed (opened, a ballot cast, closed). */
  appraisal: APPRAISAL_EVENT,
} as const;

export const joinRequestSchema = z.object({ meetingId: z.number().int().positive() }).strict();
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const commandRequestSchema = z
  .object({
    meetingId: z.number().int().positive(),
    command: moderationCommandSchema,
    /** The state version the sender decided on; a newer state refuses it with `conflict`. */
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type CommandRequest = z.input<typeof commandRequestSchema>;

export type Failure = { ok: false; error: ModerationError };
/** `serverTime` lets clients correct countdowns for their clock's offset. */
export type JoinAck = { ok: true; state: MeetingState; serverTime: number } | Failure;
export type CommandAck = { ok: true; version: number } | Failure;

export interface StateMessage {
  meetingId: number;
  state: MeetingState;
  serverTime: number;
}

export interface StatusMessage {
  meetingId: number;
  status: MeetingStatus;
}

export interface MeetingServerToClient {
  [MeetingEvent.state]: (message: StateMessage) => void;
  [MeetingEvent.status]: (message: StatusMessage) => void;
  [MeetingEvent.appraisal]: (message: AppraisalMessage) => void;
}

export interface MeetingClientToServer {
  [MeetingEvent.join]: (request: JoinRequest, ack: (answer: JoinAck) => void) => void;
  [MeetingEvent.leave]: (request: JoinRequest, ack?: (answer: { ok: true }) => void) => void;
  [MeetingEvent.command]: (request: CommandRequest, ack: (answer: CommandAck) => void) => void;
}

/** The socket.io room of one meeting's watchers. */
export const socketRoomOfMeeting = (meetingId: number): string => `meeting:${meetingId}`;
