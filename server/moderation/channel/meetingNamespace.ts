import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import {
  commandRequestSchema,
  joinRequestSchema,
  MEETING_NAMESPACE,
  MeetingEvent,
  socketRoomOfMeeting,
  viewingRequestSchema,
  type MeetingClientToServer,
  type MeetingServerToClient,
} from '../../../shared/moderation/meetingEvents.js';
import { DomainError } from '../../../shared/errors/DomainError.js';
import { ModerationLimits } from '../../../shared/moderation/moderationSchemas.js';
import type { SessionStore } from '../../auth/SessionStore.js';
import type { SessionWatch } from '../../auth/SessionWatch.js';
import { TokenBucket } from '../../sync/TokenBucket.js';
import type { DomainEvents } from '../../events/DomainEvents.js';
import { DocumentPresence } from './DocumentPresence.js';
import type { AccessUser } from '../../meetings/MeetingAccess.js';
import type { ModerationService } from '../ModerationService.js';
import { LiveChannel, type MeetingNamespace } from './LiveChannel.js';
import { refusalOnSocket } from '../refusalOnSocket.js';
import { failureAck, refusalAck } from '../socketAcks.js';
import { socketSessionAuth } from './socketSessionAuth.js';

type MeetingSocket = Socket<MeetingClientToServer, MeetingServerToClient>;

const MEETING_ROOM = /^meeting:(\d+)$/;

/**
 * The `/meeting` namespace (docs/api.md, "The moderation namespace"): `join` to watch a meeting (acknowledged with its
 * state), `command` to change it (acknowledged with the new version or an error), and `state`
 * after every change. Anything malformed is answered with an error, never thrown.
 */
export function attachMeetingNamespace(
  io: Server,
  deps: {
    sessions: SessionStore;
    watch: SessionWatch;
    moderation: ModerationService;
    events: DomainEvents;
    logger: Logger;
  },
): LiveChannel {
  const nsp: MeetingNamespace = io.of(MEETING_NAMESPACE);
  nsp.use(socketSessionAuth(deps.sessions, deps.watch));
  const presence = new DocumentPresence(nsp, deps.logger);
  nsp.on('connection', (socket: MeetingSocket) => onConnection(socket, { ...deps, presence }));
  // The last watcher left: the state need not stay in memory.
  nsp.adapter.on('delete-room', (room: string) => {
    const match = MEETING_ROOM.exec(room);
    if (match) deps.moderation.release(Number(match[1]));
  });
  const channel = new LiveChannel(nsp, deps.logger);
  channel.subscribe(deps.events);
  return channel;
}

function onConnection(
  socket: MeetingSocket,
  deps: { moderation: ModerationService; logger: Logger; presence: DocumentPresence },
): void {
  const userId = socket.data.userId as number;
  const user: AccessUser = { id: userId, isAdmin: socket.data.isAdmin === true };
  const bucket = new TokenBucket(ModerationLimits.messagesPerSecond, ModerationLimits.messageBurst);
  const invalid = (detail: string) => refusalAck(new DomainError('invalid_command', { detail }));
  const limited = refusalAck(new DomainError('rate_limited'));

  /**
   * Wraps a handler: no ack function, no answer; a flood is refused; a refusal thrown is
   * answered as one; a bug is logged, not thrown.
   */
  const handle =
    <A>(run: (raw: unknown) => Promise<A>) =>
    (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (answer: A | typeof limited) => void;
      if (!bucket.take()) return reply(limited);
      run(raw).then(reply, (err: unknown) => {
        if (!(err instanceof DomainError)) {
          deps.logger.error({ err, userId }, 'meeting socket handler failed');
        }
        reply(failureAck(err));
      });
    };

  socket.on(
    MeetingEvent.join,
    handle(async (raw) => {
      const request = joinRequestSchema.safeParse(raw);
      if (!request.success) return invalid('join needs { meetingId }');
      const found = await deps.moderation.stateFor(request.data.meetingId, user, 'meeting.join');
      if (!found.ok) throw refusalOnSocket(found.refusal);
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
      const outcome = await deps.moderation.command(meetingId, user, command, version);
      return outcome.ok ? outcome : refusalAck(outcome.error);
    }),
  );
}
