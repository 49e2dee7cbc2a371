import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { SYNC_PATH_PREFIX } from '../../shared/sync/documentName.js';
import { SyncLimits, type SyncLimitValues } from '../../shared/sync/syncLimits.js';
import { createLogger } from '../../server/log/createLogger.js';
import type { DatabaseSchema } from '../../server/storage/DatabaseSchema.js';
import { KyselyDocumentStore } from '../../server/storage/KyselyDocumentStore.js';
import { openDatabase } from '../../server/storage/openDatabase.js';
import type { SyncHooks } from '../../server/sync/SyncHooks.js';
import { SyncServer } from '../../server/sync/SyncServer.js';
import { makeTempDir } from './startTestServer.js';
import { dropTestDatabase, testDatabaseUrl } from './testDatabase.js';

export interface SyncTestServer {
  sync: SyncServer;
  /** ws://127.0.0.1:<port>/yjs — the serverUrl for y-websocket providers. */
  syncUrl: string;
  db: Kysely<DatabaseSchema>;
  /** The SQLite file the documents are stored in (on SQLite runs). */
  databaseFile: string;
  close(): Promise<void>;
}

/**
 * The sync server alone on a real port with real storage (SQLite, or PostgreSQL on
 * `TEST_DATABASE=postgres` runs), for tests of the sync
 * protocol itself. Without `hooks` every connection is an anonymous writer (the sync server's
 * default); the app's own hooks (sessions, meeting rights) are tested through `startTestServer`.
 */
export async function startSyncTestServer(
  options: { hooks?: SyncHooks; limits?: Partial<SyncLimitValues> } = {},
): Promise<SyncTestServer> {
  const dataDir = makeTempDir('shh-sync-');
  const databaseFile = path.join(dataDir, 'shenghuohui.sqlite');
  const logger = createLogger('silent');
  const database = await openDatabase(
    { dataDir, databaseUrl: await testDatabaseUrl(dataDir), sqliteSynchronous: 'NORMAL' },
    logger,
  );
  const sync = new SyncServer({
    store: await KyselyDocumentStore.open(database.db),
    hooks: options.hooks,
    limits: { ...SyncLimits, ...options.limits },
    logger,
  });
  const httpServer = http.createServer();
  httpServer.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    sync.handleUpgrade(req, socket, head, pathname.slice(SYNC_PATH_PREFIX.length));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    sync,
    syncUrl: `ws://127.0.0.1:${port}/yjs`,
    db: database.db,
    databaseFile,
    close: async () => {
      await sync.close(200);
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
      await database.close();
      await dropTestDatabase(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
