import type { Socket } from 'socket.io';
import {
  SocketErrorCode,
  socketRoomOfSession,
  socketRoomOfUser,
} from '../../../shared/moderation/socketErrors.js';
import { DomainError } from '../../../shared/errors/DomainError.js';
import type { Failure } from '../../../shared/moderation/meetingEvents.js';

import type { SessionStore } from '../../auth/SessionStore.js';
import type { SessionWatch } from '../../auth/SessionWatch.js';
import { sessionToken } from '../../auth/sessionToken.js';
import { refusalAck } from '../socketAcks.js';

const sessionEnded = refusalAck(new DomainError('unauthenticated.session_ended'));
const storageDown = refusalAck(new DomainError('unavailable.service'));

/**
 * socket.io middleware admitting signed-in users who have set their own password: the token
 * comes as `auth.token` (clients that are not browsers) or as the session cookie. Each socket
 * joins its session's and its user's rooms, so signing out or an admin's action reaches it,
 * and stays held to its session: every event it sends is checked (and counts as a use of the
 * session), and it is disconnected once the session is over, like a signed-out one.
 */
export function socketSessionAuth(sessions: SessionStore, watcher: SessionWatch) {
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const auth = socket.handshake.auth as { token?: unknown };
    const token = typeof auth.token === 'string' ? auth.token : sessionToken(socket.request)?.token;
    const session = token ? await sessions.resolve(token) : null;
    if (!session) return next(new Error(SocketErrorCode.unauthenticated));
    if (session.user.mustChangePassword) {
      return next(new Error(SocketErrorCode.passwordChangeRequired));
    }
    socket.data.userId = session.user.id;
    socket.data.isAdmin = session.user.isAdmin;
    await socket.join([socketRoomOfSession(session.idHash), socketRoomOfUser(session.user.id)]);
    const watch = watcher.watch(session, () => socket.disconnect(true));
    socket.on('disconnect', () => watch.stop());
    // Dropped packets get an answer, when they ask for one, instead of going on to a handler.
    // (Passing an error to `proceed` would emit "error", which nothing listens to.)
    socket.use((packet, proceed) => {
      const answer = (reply: Failure): void => {
        const ack = packet.at(-1) as unknown;
        if (typeof ack === 'function') (ack as (r: Failure) => void)(reply);
      };
      const refuse = (): void => {
        answer(sessionEnded);
        socket.disconnect(true);
      };
      const verdict = watch.admit(true);
      if (verdict === true) return proceed();
      if (verdict === false) return refuse();
      verdict.then(
        (live) => (live ? proceed() : refuse()),
        () => answer(storageDown),
      );
    });
    next();
  };
}
