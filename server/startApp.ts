import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { Logger } from 'pino';
import type { AppConfig } from './env.js';
import { appraisalModule } from './appraisal/index.js';
import { authModule } from './auth/index.js';
import { branchesModule } from './branches/index.js';
import { documentsModule } from './documents/index.js';
import { DomainEvents } from './events/DomainEvents.js';
import { exportModule } from './export/index.js';
import { fanoutModule } from './fanout/index.js';
import { openFanout } from './fanout/openFanout.js';
import { compileTrustProxy } from './http/clientAddress.js';
import { createHttpApp } from './http/createHttpApp.js';
import { listen } from './http/listen.js';
import { routeUpgrades } from './http/routeUpgrades.js';
import { importModule } from './import/index.js';
import { meetingRecords, meetingsModule } from './meetings/index.js';
import { metricsModule } from './metrics/index.js';
import { attachSocketIo } from './moderation/channel/attachSocketIo.js';
import { moderationModule } from './moderation/index.js';
import { rectificationsModule } from './rectifications/index.js';
import { runningApp, type RunningApp, type StartOptions } from './RunningApp.js';
import { KyselyDocumentStore } from './storage/KyselyDocumentStore.js';
import { openDatabase } from './storage/openDatabase.js';
import { syncModule } from './sync/index.js';

export type { RunningApp, StartOptions } from './RunningApp.js';

/**
 * Opens storage, the fan-out, sync and socket.io; calls the modules, each of which wires its own
 * services, routes and subscriptions to the domain events; resolves once the server listens.
 */
export async function startApp(
  config: AppConfig,
  logger: Logger,
  { now = Date.now, passwordCost }: StartOptions = {},
): Promise<RunningApp> {
  mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase(config, logger);
  const fanout = await openFanout(config, logger).catch(async (err: unknown) => {
    await database.close();
    throw err;
  });
  const { db } = database;
  const store = await KyselyDocumentStore.open(db);
  const events = new DomainEvents(logger);
  const trustProxy = compileTrustProxy(config.trustProxy);
  const ctx = { database, db, store, events, config, logger, trustProxy };

  // In the order they need each other; the modules subscribe to the events as they are called.
  const auth = await authModule(ctx, { now, passwordCost });
  const branches = branchesModule(ctx, auth);
  const records = meetingRecords(ctx, branches);
  const metrics = metricsModule(ctx, { syncStats: () => sync.stats(), fanout });
  const sync = syncModule(ctx, { fanout, metrics: metrics.metrics, auth, records });
  const documents = documentsModule(ctx, { sync, records });
  const core = { auth, branches, records, documents };
  const moderation = moderationModule(ctx, core);
  const appraisal = appraisalModule(ctx, { ...core, moderation });
  const rectifications = rectificationsModule(ctx, { ...core, moderation });
  const meetings = meetingsModule(ctx, { ...core, rectifications });
  const exports = exportModule(ctx, { ...core, moderation, appraisal, rectifications });
  const imports = importModule(core);

  const api = [auth, branches, meetings, moderation, appraisal, documents, rectifications];
  const server = http.createServer(
    createHttpApp({
      ...{ clientDir: config.clientDir, logger, sessions: auth.sessions, trustProxy },
      ...{ healthRoutes: metrics.healthRoutes, publicRoutes: auth.publicRoutes },
      routes: [...api, exports, imports].flatMap((m) => m.routes),
      rootRoutes: metrics.rootRoutes,
      allowedOrigins: config.allowedOrigins,
    }),
  );
  const { sessions, sessionWatch: watch } = auth;
  const { allowedOrigins } = config;
  const io = attachSocketIo(server, {
    sessions,
    watch,
    allowedOrigins,
    adapter: await fanout.socketIoAdapter(),
  });
  // Last: the live channel's listeners run after the modules' own reactions to an event.
  moderation.attachChannel(io, auth);
  fanoutModule(ctx, { fanout, sync, io, moderation });
  routeUpgrades(server, { sync, allowedOrigins, logger });

  const { url, port } = await listen(server, config);
  logger.info({ url, dataDir: config.dataDir }, 'listening');
  const { initialAdminPassword } = auth;
  const running = { url, port, server, io, sync, initialAdminPassword };
  return runningApp({ ...running, after: [auth, fanout, database], config, logger });
}
