import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../server/log/createLogger.js';
import { KyselyDocumentStore } from '../../../server/storage/KyselyDocumentStore.js';
import { openSqliteDatabase } from '../../../server/storage/openSqliteDatabase.js';
import { makeTempDir } from '../../helpers/startTestServer.js';
import { startSyncTestServer } from '../../helpers/startSyncTestServer.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openStore() {
  const dir = makeTempDir();
  dirs.push(dir);
  const database = await openSqliteDatabase(
    { file: path.join(dir, 'db.sqlite'), synchronous: 'NORMAL' },
    createLogger('silent'),
  );
  return { database, store: await KyselyDocumentStore.open(database.db) };
}

describe('KyselyDocumentStore on SQLite', () => {
  it('compacts a log of 10,000 updates so that loading reads one row', async () => {
    const { database, store } = await openStore();
    const doc = new Y.Doc();
    const text = doc.getText('text');
    const appends: Promise<number>[] = [];
    doc.on('update', (update: Uint8Array) => appends.push(store.append('m/1/minutes', update)));
    for (let i = 0; appends.length < 10_000; i++) {
      if (i % 4 === 3) text.delete(0, 1);
      else text.insert(text.length, `${i % 10}`);
    }
    const ids = await Promise.all(appends);
    expect(await store.load('m/1/minutes')).toHaveLength(10_000);

    await store.replace('m/1/minutes', ids, Y.encodeStateAsUpdate(doc));
    const rows = await store.load('m/1/minutes');
    expect(rows).toHaveLength(1);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, rows[0]!.data);
    expect(loaded.getText('text').toString()).toBe(text.toString());
    await database.close();
  });

  it('keeps rows that a compaction does not name (stored meanwhile, or by another process)', async () => {
    const { database, store } = await openStore();
    const mine = new Y.Doc();
    const ids: number[] = [];
    for (let i = 0; i < 100; i++) {
      mine.getArray('a').push([i]);
      ids.push(await store.append('d', Y.encodeStateAsUpdate(mine)));
    }
    const other = new Y.Doc();
    other.getArray('b').push(['from elsewhere']);
    await store.append('d', Y.encodeStateAsUpdate(other));
    await store.replace('d', ids, Y.encodeStateAsUpdate(mine));
    const rows = await store.load('d');
    expect(rows).toHaveLength(2);
    const loaded = new Y.Doc();
    for (const row of rows) Y.applyUpdate(loaded, row.data);
    expect(loaded.getArray('a').length).toBe(100);
    expect(loaded.getArray('b').toArray()).toEqual(['from elsewhere']);
    await database.close();
  });

  it('writes the appends of one tick together, in order, each with an id of its document', async () => {
    const { database, store } = await openStore();
    const order: number[] = [];
    const given = new Map<string, number[]>();
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) => {
        const document = `doc-${i % 7}`;
        return store.append(document, new Uint8Array([0, 0])).then((id) => {
          order.push(i);
          given.set(document, [...(given.get(document) ?? []), id]);
        });
      }),
    );
    expect(order).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    for (const [document, ids] of given) {
      expect((await store.load(document)).map((r) => r.id)).toEqual(ids);
    }
    await database.close();
  });
});

describe('KyselyDocumentStore row ids', () => {
  it('continue above the stored ones after the file is opened again', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const open = () =>
      openSqliteDatabase(
        { file: path.join(dir, 'db.sqlite'), synchronous: 'NORMAL' },
        createLogger('silent'),
      );
    const first = await open();
    const a = await KyselyDocumentStore.open(first.db);
    const before = await Promise.all([
      a.append('x', new Uint8Array([0, 0])),
      a.append('y', new Uint8Array([0, 0])),
    ]);
    await first.close();
    const second = await open();
    const b = await KyselyDocumentStore.open(second.db);
    const after = await b.append('x', new Uint8Array([0, 0]));
    expect(after).toBeGreaterThan(Math.max(...before));
    expect((await b.load('x')).map((r) => r.id)).toEqual([before[0], after]);
    await second.close();
  });
});

describe('compaction in a running server', () => {
  it('compacts a busy document as it grows and when it is freed, and serves it whole', async () => {
    const server = await startSyncTestServer({ limits: { compactAfterUpdates: 50 } });
    const writer = connectProvider(server.syncUrl, 'm/2/minutes');
    await waitForSynced(writer);
    const items = writer.doc.getArray<number>('items');
    for (let i = 0; i < 400; i++) {
      items.push([i]);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    const sqlite = new Database(server.databaseFile, { readonly: true });
    const rowCount = () =>
      (
        sqlite
          .prepare("SELECT COUNT(*) AS n FROM document_updates WHERE document = 'm/2/minutes'")
          .get() as { n: number }
      ).n;
    const reader = connectProvider(server.syncUrl, 'm/2/minutes');
    await waitFor(() => reader.doc.getArray('items').length === 400, 'reader to get all items');
    // Each room stretches the limit by up to half, so that rooms do not compact together.
    expect(rowCount()).toBeLessThanOrEqual(76);
    writer.destroy();
    reader.destroy();

    // A freed document leaves one row behind, and loads whole from it.
    await waitFor(() => server.sync.stats().documents === 0, 'the room to be freed');
    expect(rowCount()).toBe(1);
    const again = connectProvider(server.syncUrl, 'm/2/minutes');
    await waitFor(() => again.doc.getArray('items').length === 400, 'the reloaded document');
    expect(again.doc.getArray<number>('items').toArray()).toEqual(
      Array.from({ length: 400 }, (_, i) => i),
    );
    again.destroy();
    sqlite.close();
    await server.close();
  });
});
