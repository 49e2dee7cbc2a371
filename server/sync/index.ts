import type { AuthModule } from '../auth/index.js';
import { sessionSyncHooks } from '../auth/sessionSyncHooks.js';
import type { Fanout } from '../fanout/Fanout.js';
import type { MeetingRecords } from '../meetings/index.js';
import type { AppMetrics } from '../metrics/AppMetrics.js';
import type { ModuleContext } from '../ModuleContext.js';
import { SyncServer } from './SyncServer.js';

/** The documents' sync server: admits by session and meeting rights, shares through the fan-out. */
export function syncModule(
  { store, config, logger, trustProxy }: ModuleContext,
  deps: { fanout: Fanout; metrics: AppMetrics; auth: AuthModule; records: MeetingRecords },
): SyncServer {
  const { sessions, sessionWatch: watch, audit, refusals } = deps.auth;
  const { access } = deps.records;
  return new SyncServer({
    store,
    peers: deps.fanout,
    metrics: deps.metrics,
    hooks: sessionSyncHooks({
      sessions,
      audit,
      refusals,
      watch,
      authorize: (user, name) => access.authorizeDocument(user, name),
      trustProxy,
    }),
    limits: config.syncLimits,
    logger,
  });
}
