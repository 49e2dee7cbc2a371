import type { Server } from 'socket.io';
import type { ClusterEvent } from '../../shared/cluster/clusterEvents.js';
import { CloseCode } from '../../shared/sync/closeCodes.js';
import { closeSocketsOf } from '../auth/closeSocketsOf.js';
import { accessChangeCovers } from '../meetings/accessChangeCovers.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** What one instance decides about sockets, every instance carries out on its own: this. */
export function carryOutClusterEvent(
  event: ClusterEvent,
  deps: { sync: SyncServer; io: Server | null; moderation: { catchUp(): Promise<void> } },
): void {
  const { sync } = deps;
  if (event.type === 'closeSockets') {
    closeSocketsOf(event.whose, sync, deps.io);
  } else if (event.type === 'accessChanged') {
    sync.closeWhere(
      (principal, name) =>
        accessChangeCovers(
          event.change,
          principal.userId === null ? null : Number(principal.userId),
          name,
        ),
      CloseCode.accessChanged,
      'access changed',
    );
  } else {
    void sync.catchUp();
    void deps.moderation.catchUp();
  }
}
