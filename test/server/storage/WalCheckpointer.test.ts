import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/log/createLogger.js';
import { KyselyDocumentStore } from '../../../server/storage/KyselyDocumentStore.js';
import { openSqliteDatabase } from '../../../server/storage/openSqliteDatabase.js';
import { makeTempDir } from '../../helpers/startTestServer.js';
import { waitFor } from '../../helpers/syncClients.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints on a background thread', () => {
  it('copies the log into the database file while the app keeps writing, and truncates it on close', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const database = await openSqliteDatabase(
      { file, synchronous: 'NORMAL', checkpointIntervalMs: 50 },
      createLogger('silent'),
    );
    const store = await KyselyDocumentStore.open(database.db);
    const sizeBefore = statSync(file).size;
    const update = new Uint8Array(1024).fill(7);
    await Promise.all(Array.from({ length: 2000 }, () => store.append('d', update)));
    // Auto-checkpoints are off on the writing connection: only the worker moves pages over.
    await waitFor(() => statSync(file).size > sizeBefore + 1024 * 1024, 'the checkpoint');
    await database.close();
    // SQLite removes the log when its last connection closes; an empty one is as good.
    const wal = `${file}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  });
});
