import type { Server } from 'socket.io';
import type { SocketOwner } from '../../shared/cluster/clusterEvents.js';
import { socketRoomOfSession, socketRoomOfUser } from '../../shared/moderation/socketErrors.js';
import { MEETING_NAMESPACE } from '../../shared/moderation/meetingEvents.js';
import { CloseCode } from '../../shared/sync/closeCodes.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { sessionHashOf } from './sessionSyncHooks.js';

/**
 * Closes this instance's sync and socket.io connections of one session, or of every session of
 * a user (but those of `exceptSessionHash`); every instance runs it (a cluster event), so it
 * leaves the others' sockets to them.
 */
export function closeSocketsOf(whose: SocketOwner, sync: SyncServer, io: Server | null): void {
  const bySession = 'sessionHash' in whose;
  const room = bySession ? socketRoomOfSession(whose.sessionHash) : socketRoomOfUser(whose.userId);
  const kept = bySession ? undefined : whose.exceptSessionHash;
  for (const nsp of [io?.of('/'), io?.of(MEETING_NAMESPACE)]) {
    const sockets = nsp?.local.in(room);
    const closing = kept === undefined ? sockets : sockets?.except(socketRoomOfSession(kept));
    closing?.disconnectSockets(true);
  }
  sync.closeWhere(
    (principal) =>
      bySession
        ? sessionHashOf(principal) === whose.sessionHash
        : principal.userId === String(whose.userId) &&
          (kept === undefined || sessionHashOf(principal) !== kept),
    CloseCode.unauthenticated,
    'session ended',
  );
}
