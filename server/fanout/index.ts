import type { Server } from 'socket.io';
import { DomainEvent } from '../events/domainEventMap.js';
import type { ModerationModule } from '../moderation/index.js';
import type { ModuleContext } from '../ModuleContext.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { carryOutClusterEvent } from './carryOutClusterEvent.js';
import type { Fanout } from './Fanout.js';

/**
 * What every instance must carry out goes through the fan-out: documents whose rights changed
 * (`documentAccessChanged`) and the sockets of ended sessions (`sessionsEnded`); each instance,
 * this one too, then closes what it holds, and catches up after an outage.
 */
export function fanoutModule(
  { events }: ModuleContext,
  deps: { fanout: Fanout; sync: SyncServer; io: Server; moderation: ModerationModule },
): void {
  const { fanout, sync, io } = deps;
  const { moderation } = deps.moderation;
  events.on(DomainEvent.documentAccessChanged, (change) =>
    fanout.broadcast({ type: 'accessChanged', change }),
  );
  events.on(DomainEvent.sessionsEnded, (whose) =>
    fanout.broadcast({ type: 'closeSockets', whose }),
  );
  fanout.onEvent((event) => carryOutClusterEvent(event, { sync, io, moderation }));
}
