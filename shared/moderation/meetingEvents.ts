import { z } from 'zod';
import { APPRAISAL_EVENT, type AppraisalMessage } from '../appraisal/appraisalSchemas.js';
import type { MeetingStatus } from '../meetings/meetingSchemas.js';
import {
  RECTIFICATION_EVENT,
  RECTIFICATION_PROPOSAL_EVENT,
  type RectificationMessage,
  type RectificationProposalMessage,
} from '../rectifications/rectificationViews.js';
import type { MeetingState } from './meetingState.js';
import type { ErrorBody } from '../errors/errorBody.js';
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
  /** Server → clients: a rectification item was created or changed (its whole view). */
  rectification: RECTIFICATION_EVENT,
  /** Server → clients: a rectification proposal was made, accepted or dropped. */
  rectificationProposal: RECTIFICATION_PROPOSAL_EVENT,
  /** Client → server: the document this page shows now (null: none). */
  viewing: 'viewing',
  /** Server → clients: who has which of the meeting's documents open. */
  presence: 'presence',
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

export const viewingRequestSchema = z
  .object({
    meetingId: z.number().int().positive(),
    /** A document name of that meeting (`m/<meetingId>/…`), or null for none. */
    document: z.string().max(64).nullable(),
  })
  .strict();
export type ViewingRequest = z.infer<typeof viewingRequestSchema>;

/**
 * Who has which document open, by document name: the users' ids, each once, sorted. Private
 * notes are never listed: nobody else may even know that they are being read.
 */
export interface PresenceMessage {
  meetingId: number;
  documents: Record<string, number[]>;
}

export type Failure = { ok: false; error: ErrorBody };
/** `serverTime` lets clients correct countdowns for their clock's offset. */
export type JoinAck = { ok: true; state: MeetingState; serverTime: number } | Failure;
export type CommandAck = { ok: true; version: number } | Failure;
export type ViewingAck = { ok: true } | Failure;

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
  [MeetingEvent.rectification]: (message: RectificationMessage) => void;
  [MeetingEvent.rectificationProposal]: (message: RectificationProposalMessage) => void;
  [MeetingEvent.presence]: (message: PresenceMessage) => void;
}

export interface MeetingClientToServer {
  [MeetingEvent.join]: (request: JoinRequest, ack: (answer: JoinAck) => void) => void;
  [MeetingEvent.leave]: (request: JoinRequest, ack?: (answer: { ok: true }) => void) => void;
  [MeetingEvent.command]: (request: CommandRequest, ack: (answer: CommandAck) => void) => void;
  [MeetingEvent.viewing]: (request: ViewingRequest, ack: (answer: ViewingAck) => void) => void;
}

/** The socket.io room of one meeting's watchers. */
export const socketRoomOfMeeting = (meetingId: number): string => `meeting:${meetingId}`;
