import type { Socket } from 'socket.io';
import {
  SocketErrorCode,
  socketRoomOfSession,
  socketRoomOfUser,
} from '../../shared/moderation/socketErrors.js';
import type { SessionStore } from '../auth/SessionStore.js';
import { sessionToken } from '../auth/sessionToken.js';

/**
 * socket.io middleware admitting signed-in users who have set their own password: the token
 * comes as `auth.token` (clients that are not browsers) or as the session cookie. Each socket
 * joins its session's and its user's rooms, so signing out or an admin's action reaches it.
 */
export function socketSessionAuth(sessions: SessionStore) {
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const auth = socket.handshake.auth as { token?: unknown };
    const token = typeof auth.token === 'string' ? auth.token : sessionToken(socket.request)?.token;
    const session = token ? await sessions.resolve(token) : null;
    if (!session) return next(new Error(SocketErrorCode.unauthenticated));
    if (session.user.must_change_password) {
      return next(new Error(SocketErrorCode.passwordChangeRequired));
    }
    socket.data.userId = session.user.id;
    await socket.join([socketRoomOfSession(session.idHash), socketRoomOfUser(session.user.id)]);
    next();
  };
}
