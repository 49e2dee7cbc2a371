import type { Generated } from 'kysely';

/** One row per stored Yjs update; a compacted document has one merged row. */
export interface DocumentUpdateTable {
  id: Generated<number>;
  document: string;
  data: Uint8Array;
  created_at: number;
}

export interface DatabaseSchema {
  document_updates: DocumentUpdateTable;
}
