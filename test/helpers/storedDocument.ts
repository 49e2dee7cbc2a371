import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { TestServer } from './startTestServer.js';

/**
 * A document as the server stored it, read from its SQLite file by a connection of our own:
 * what a test asserts is what survives, not what a socket answered.
 */
export function storedDocument(server: TestServer, name: string): Y.Doc {
  const db = new Database(path.join(server.dataDir, 'shenghuohui.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare('SELECT data FROM document_updates WHERE document = ? ORDER BY id')
      .all(name) as Array<{ data: Uint8Array }>;
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return doc;
  } finally {
    db.close();
  }
}
