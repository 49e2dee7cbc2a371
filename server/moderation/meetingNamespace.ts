import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import {
  commandRequestSchema,
  joinRequestSchema,
  MEETING_NAMESPACE,
  MeetingEvent,
  socketRoomOfMeeting,
  viewingRequestSchema,
  type MeetingClientToServer,
  type MeetingServerToClient,
} from '../../shared/moderation/meetingEvents.js';
import type { AppraisalView } from '../../shared/appraisal/appraisalSchemas.js';
import type { MeetingState } from '../../shared/moderation/meetingState.js';
import type {
  RectificationProposalView,
  RectificationView,
} from '../../shared/rectifications/rectificationViews.js';
import {
  ModerationErrorCode as E,
  moderationError,
} from '../../shared/moderation/moderationErrors.js';
import { ModerationLimits } from '../../shared/moderation/moderationSchemas.js';
import type { MeetingStatus } from '../../shared/meetings/meetingSchemas.js';
import type { SessionStore } from '../auth/SessionStore.js';
import type { SessionWatch } from '../auth/SessionWatch.js';
import { TokenBucket } from '../sync/TokenBucket.js';
import { DocumentPresence } from './DocumentPresence.js';
import type { AccessUser } from '../meetings/MeetingAccess.js';
import type { ModerationService } from './ModerationService.js';
import { refusalOnSocket } from './refusalOnSocket.js';
import { socketSessionAuth } from './socketSessionAuth.js';

type MeetingNamespace = Namespace<MeetingClientToServer, MeetingServerToClient>;
type MeetingSocket = Socket<MeetingClientToServer, MeetingServerToClient>;

export interface MeetingChannel {
  /**
   * Sends the meeting's new state to everyone watching it; after a roster change, those no
   * longer in the meeting stop watching first.
   */
  publishState(meetingId: number, state: MeetingState, rosterChanged: boolean): void;
  /** Tells everyone watching that the meeting's status changed. */
  publishStatus(meetingId: number, status: MeetingStatus): void;
  /** Tells everyone watching how the meeting's appraisal round stands. */
  publishAppraisal(view: AppraisalView): void;
  /** Tells everyone watching how a rectification item now reads. */
  publishRectification(view: RectificationView): void;
  /** Tells everyone watching that a rectification proposal came or was decided. */
  publishRectificationProposal(view: RectificationProposalView): void;
}

const MEETING_ROOM = /^meeting:(\d+)$/;

/**
 * The `/meeting` namespace of DESIGN.md §6: `join` to watch a meeting (acknowledged with its
 * state), `command` to change it (acknowledged with the new version or an error), and `state`
 * after every change. Anything malformed is answered with an error, never thrown.
 */
export function attachMeetingNamespace(
  io: Server,
  deps: {
    sessions: SessionStore;
    watch: SessionWatch;
    moderation: ModerationService;
    logger: Logger;
  },
): MeetingChannel {
  const nsp: MeetingNamespace = io.of(MEETING_NAMESPACE);
  nsp.use(socketSessionAuth(deps.sessions, deps.watch));
  const presence = new DocumentPresence(nsp, deps.logger);
  nsp.on('connection', (socket: MeetingSocket) => onConnection(socket, { ...deps, presence }));
  // The last watcher left: the state need not stay in memory.
  nsp.adapter.on('delete-room', (room: string) => {
    const match = MEETING_ROOM.exec(room);
    if (match) deps.moderation.release(Number(match[1]));
  });
  const emitState = (meetingId: number, state: MeetingState): void => {
    nsp
      .to(socketRoomOfMeeting(meetingId))
      .emit(MeetingEvent.state, { meetingId, state, serverTime: Date.now() });
  };
  return {
    publishState: (meetingId, state, rosterChanged) => {
      if (!rosterChanged) return emitState(meetingId, state);
      // Those no longer in the meeting stop watching before the new state goes out.
      const room = socketRoomOfMeeting(meetingId);
      const members = new Set(state.roster.map((r) => r.userId));
      nsp
        .in(room)
        .fetchSockets()
        .then((sockets) => {
          for (const s of sockets) if (!members.has(s.data.userId as number)) s.leave(room);
          emitState(meetingId, state);
        })
        .catch((err: unknown) =>
          deps.logger.error({ err, meetingId }, 'publishing a roster change failed'),
        );
    },
    publishStatus: (meetingId, status) =>
      nsp.to(socketRoomOfMeeting(meetingId)).emit(MeetingEvent.status, { meetingId, status }),
    publishAppraisal: (appraisal) =>
      nsp
        .to(socketRoomOfMeeting(appraisal.meetingId))
        .emit(MeetingEvent.appraisal, { meetingId: appraisal.meetingId, appraisal }),
    publishRectification: (rectification) =>
      nsp
        .to(socketRoomOfMeeting(rectification.meetingId))
        .emit(MeetingEvent.rectification, { meetingId: rectification.meetingId, rectification }),
    publishRectificationProposal: (proposal) =>
      nsp
        .to(socketRoomOfMeeting(proposal.meetingId))
        .emit(MeetingEvent.rectificationProposal, { meetingId: proposal.meetingId, proposal }),
  };
}

function onConnection(
  socket: MeetingSocket,
  deps: { moderation: ModerationService; logger: Logger; presence: DocumentPresence },
): void {
  const userId = socket.data.userId as number;
  const user: AccessUser = { id: userId, isAdmin: socket.data.isAdmin === true };
  const bucket = new TokenBucket(ModerationLimits.messagesPerSecond, ModerationLimits.messageBurst);
  const invalid = (message: string) => ({
    ok: false as const,
    error: moderationError(E.invalidCommand, message),
  });
  const limited = {
    ok: false as const,
    error: moderationError(E.rateLimited, '操作过于频繁，请稍后 (too many messages)'),
  };

  /** Wraps a handler: no ack function, no answer; a flood is refused; a bug is logged, not thrown. */
  const handle =
    <A>(run: (raw: unknown) => Promise<A>) =>
    (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (answer: A | typeof limited) => void;
      if (!bucket.take()) return reply(limited);
      run(raw).then(reply, (err: unknown) => {
        deps.logger.error({ err, userId }, 'meeting socket handler failed');
        reply({
          ok: false,
          error: moderationError(E.unavailable, '服务器内部错误 (internal error)'),
        } as A);
      });
    };

  socket.on(
    MeetingEvent.join,
    handle(async (raw) => {
      const request = joinRequestSchema.safeParse(raw);
      if (!request.success) return invalid('join needs { meetingId }');
      const found = await deps.moderation.stateFor(request.data.meetingId, user, 'meeting.join');
      if (!found.ok) return { ok: false as const, error: refusalOnSocket(found.refusal) };
      const { state } = found;
      await socket.join(socketRoomOfMeeting(request.data.meetingId));
      deps.presence.sendTo(socket, request.data.meetingId);
      return { ok: true as const, state, serverTime: Date.now() };
    }),
  );

  socket.on(
    MeetingEvent.leave,
    handle(async (raw) => {
      const request = joinRequestSchema.safeParse(raw);
      if (request.success) {
        await socket.leave(socketRoomOfMeeting(request.data.meetingId));
        deps.presence.left(socket, request.data.meetingId);
      }
      return { ok: true as const };
    }),
  );

  socket.on(
    MeetingEvent.viewing,
    handle(async (raw) => {
      const request = viewingRequestSchema.safeParse(raw);
      if (!request.success) return invalid('viewing needs { meetingId, document }');
      return deps.presence.view(socket, request.data);
    }),
  );

  // Gone from its rooms by now: those still watching hear that its page is no longer open.
  socket.on('disconnect', () => {
    const viewing = socket.data.viewing as { meetingId: number } | undefined;
    if (viewing) deps.presence.publish(viewing.meetingId);
  });

  socket.on(
    MeetingEvent.command,
    handle(async (raw) => {
      const request = commandRequestSchema.safeParse(raw);
      if (!request.success) {
        return invalid(
          request.error.issues
            .map((i) => `${i.path.join('.') || 'request'}: ${i.message}`)
            .join('; '),
        );
      }
      const { meetingId, command, version } = request.data;
      return deps.moderation.command(meetingId, user, command, version);
    }),
  );
}
