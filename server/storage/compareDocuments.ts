import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { DatabaseSchema } from './DatabaseSchema.js';

export interface DocumentComparison {
  checked: number;
  mismatches: string[];
}

/**
 * Rebuilds every document from its stored updates on both sides and compares the results:
 * the state vector and the whole encoded state. Equal rows give equal documents, but this also
 * proves that each side's rows still decode into a document.
 */
export async function compareDocuments(
  source: Kysely<DatabaseSchema>,
  target: Kysely<DatabaseSchema>,
): Promise<DocumentComparison> {
  const [inSource, inTarget] = await Promise.all([listDocuments(source), listDocuments(target)]);
  const mismatches: string[] = [];
  for (const name of inSource) {
    if (!inTarget.has(name)) mismatches.push(`document ${name}: missing in the target`);
  }
  for (const name of inTarget) {
    if (!inSource.has(name)) mismatches.push(`document ${name}: only in the target`);
  }
  let checked = 0;
  for (const name of inSource) {
    if (!inTarget.has(name)) continue;
    const [from, to] = await Promise.all([rebuild(source, name), rebuild(target, name)]);
    checked += 1;
    if (typeof from === 'string') {
      mismatches.push(`document ${name}: on the source, ${from}`);
    } else if (typeof to === 'string') {
      mismatches.push(`document ${name}: on the target, ${to}`);
    } else if (!sameBytes(from.stateVector, to.stateVector)) {
      mismatches.push(`document ${name}: the state vectors differ`);
    } else if (!sameBytes(from.state, to.state)) {
      mismatches.push(`document ${name}: the contents differ`);
    }
  }
  return { checked, mismatches };
}

async function listDocuments(db: Kysely<DatabaseSchema>): Promise<Set<string>> {
  const rows = await db.selectFrom('document_updates').select('document').distinct().execute();
  return new Set(rows.map((r) => r.document));
}

/** The document as the sync server would load it: its updates applied in id order. */
async function rebuild(
  db: Kysely<DatabaseSchema>,
  name: string,
): Promise<{ stateVector: Uint8Array; state: Uint8Array } | string> {
  const rows = await db
    .selectFrom('document_updates')
    .select(['id', 'data'])
    .where('document', '=', name)
    .orderBy('id')
    .execute();
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, row.data);
    });
    return { stateVector: Y.encodeStateVector(doc), state: Y.encodeStateAsUpdate(doc) };
  } catch (err) {
    return `its updates do not decode (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    doc.destroy();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
