import path from 'node:path';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { KyselyDocumentStore } from '../../../server/storage/KyselyDocumentStore.js';
import { openSqliteDatabase } from '../../../server/storage/openSqliteDatabase.js';
import { makeTempDir, startTestServer } from '../../helpers/startTestServer.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openStore() {
  const dir = makeTempDir();
  dirs.push(dir);
  const db = await openSqliteDatabase({ file: path.join(dir, 'db.sqlite'), synchronous: 'NORMAL' });
  return { db, store: new KyselyDocumentStore(db) };
}

describe('KyselyDocumentStore on SQLite', () => {
  it('compacts a log of 10,000 updates so that loading reads one row', async () => {
    const { db, store } = await openStore();
    const doc = new Y.Doc();
    const text = doc.getText('text');
    const appends: Promise<void>[] = [];
    doc.on('update', (update: Uint8Array) => appends.push(store.append('m/1/minutes', update)));
    for (let i = 0; appends.length < 10_000; i++) {
      if (i % 4 === 3) text.delete(0, 1);
      else text.insert(text.length, `${i % 10}`);
    }
    await Promise.all(appends);
    expect(await store.load('m/1/minutes')).toHaveLength(10_000);

    expect(await store.compact('m/1/minutes')).toBe(1);
    const rows = await store.load('m/1/minutes');
    expect(rows).toHaveLength(1);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, rows[0]!);
    expect(loaded.getText('text').toString()).toBe(text.toString());
    await db.destroy();
  });

  it('keeps updates appended while a compaction runs', async () => {
    const { db, store } = await openStore();
    const source = new Y.Doc();
    const appends: Promise<void>[] = [];
    source.on('update', (u: Uint8Array) => appends.push(store.append('d', u)));
    for (let i = 0; i < 100; i++) source.getArray('a').push([i]);
    await Promise.all(appends);
    const compaction = store.compact('d');
    for (let i = 100; i < 150; i++) source.getArray('a').push([i]);
    await Promise.all([compaction, ...appends]);
    const loaded = new Y.Doc();
    for (const row of await store.load('d')) Y.applyUpdate(loaded, row);
    expect(loaded.getArray('a').toArray()).toEqual(Array.from({ length: 150 }, (_, i) => i));
    await db.destroy();
  });

  it('writes the updates of one tick in one transaction and resolves them in order', async () => {
    const { db, store } = await openStore();
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        store.append(`doc-${i % 7}`, new Uint8Array([0, 0])).then(() => order.push(i)),
      ),
    );
    expect(order).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    await db.destroy();
  });
});

describe('compaction in a running server', () => {
  it('compacts a busy document in the background and serves it whole', async () => {
    const server = await startTestServer({
      syncLimits: { compactAfterUpdates: 50 } as never,
    });
    dirs.push(server.dataDir);
    const writer = connectProvider(server.syncUrl, 'm/2/minutes');
    await waitForSynced(writer);
    const items = writer.doc.getArray<number>('items');
    for (let i = 0; i < 400; i++) {
      items.push([i]);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    const sqlite = new Database(path.join(server.dataDir, 'shenghuohui.sqlite'), {
      readonly: true,
    });
    const rowCount = () =>
      (
        sqlite
          .prepare("SELECT COUNT(*) AS n FROM document_updates WHERE document = 'm/2/minutes'")
          .get() as { n: number }
      ).n;
    const reader = connectProvider(server.syncUrl, 'm/2/minutes');
    await waitFor(() => reader.doc.getArray('items').length === 400, 'reader to get all items');
    expect(rowCount()).toBeLessThanOrEqual(51);
    writer.destroy();
    reader.destroy();
    sqlite.close();
    await server.stop();
  });
});
