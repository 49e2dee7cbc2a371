import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';

/** Where a server keeps its data: its SQLite file in `dataDir`, or its PostgreSQL database. */
export interface StorageOf {
  dataDir: string;
  config: { databaseUrl?: string };
}

/**
 * A document as the server stored it, read by a connection of our own: what a test asserts is
 * what survives, not what a socket answered.
 */
export async function storedDocument(server: StorageOf, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const data of await storedUpdates(server, name)) Y.applyUpdate(doc, data);
  return doc;
}

async function storedUpdates(server: StorageOf, name: string): Promise<Uint8Array[]> {
  const query = 'SELECT data FROM document_updates WHERE document = $1 ORDER BY id';
  if (server.config.databaseUrl) {
    const client = new pg.Client({ connectionString: server.config.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ data: Buffer }>(query, [name]);
      return rows.map((r) => r.data);
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(server.dataDir, 'shenghuohui.sqlite'), { readonly: true });
  try {
    const rows = db.prepare(query.replace('$1', '?')).all(name) as Array<{ data: Uint8Array }>;
    return rows.map((r) => r.data);
  } finally {
    db.close();
  }
}
