import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import { INT8_AS_NUMBER } from '../../server/storage/openPostgresDatabase.js';

/** Where a server keeps its data: its SQLite file in `dataDir`, or its PostgreSQL database. */
export interface StorageOf {
  dataDir: string;
  config: { databaseUrl?: string };
}

/**
 * Rows read from a server's storage by a connection of our own: what a test asserts is what
 * survives, not what the server answered. `query` uses `?` placeholders; counts come back as
 * numbers on both databases.
 */
export async function storedRows<T>(
  server: StorageOf,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (server.config.databaseUrl) {
    let n = 0;
    const client = new pg.Client({
      connectionString: server.config.databaseUrl,
      types: INT8_AS_NUMBER,
    });
    await client.connect();
    try {
      const { rows } = await client.query(
        query.replace(/\?/g, () => `$${++n}`),
        params,
      );
      return rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(server.dataDir, 'shenghuohui.sqlite'), { readonly: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A document as the server stored it. */
export async function storedDocument(server: StorageOf, name: string): Promise<Y.Doc> {
  const rows = await storedRows<{ data: Uint8Array }>(
    server,
    'SELECT data FROM document_updates WHERE document = ? ORDER BY id',
    [name],
  );
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  return doc;
}

/**
 * Appends `update` to a document's log behind the server's back, as a document stored before
 * the server refused such updates; `id` must be beyond any the server will give that document.
 * The server sees it once it loads the document, or reads storage again (`sync.catchUp()`).
 */
export async function storeUpdateDirectly(
  server: StorageOf,
  name: string,
  update: Uint8Array,
  id: number,
): Promise<void> {
  const query = 'INSERT INTO document_updates (document, id, data, created_at) VALUES (?, ?, ?, ?)';
  const params = [name, id, Buffer.from(update), Date.now()];
  if (server.config.databaseUrl) {
    await storedRows(server, query, params);
    return;
  }
  const db = new Database(path.join(server.dataDir, 'shenghuohui.sqlite'));
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare(query).run(...params);
  } finally {
    db.close();
  }
}
