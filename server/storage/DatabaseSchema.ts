/** One row per stored Yjs update; a compacted document has one merged row. */
export interface DocumentUpdateTable {
  /** Increasing in the order rows were written; unique in the table. */
  id: number;
  document: string;
  data: Uint8Array;
  created_at: number;
}

export interface DatabaseSchema {
  document_updates: DocumentUpdateTable;
}
