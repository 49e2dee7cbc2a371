/** One row of a document's update log. */
export interface StoredUpdate {
  id: number;
  data: Uint8Array;
}

/** Persistence of Yjs documents as append-only update logs. */
export interface DocumentStore {
  /** Every stored update of the document, oldest first (one after compaction). */
  load(document: string): Promise<StoredUpdate[]>;
  /**
   * Appends an update to the document's log and resolves with its row id once it is durable.
   * Updates appended in the same event-loop tick (or while the previous batch is written) are
   * written together.
   */
  append(document: string, update: Uint8Array): Promise<number>;
  /**
   * Compaction: atomically stores `merged` (which must contain every update of the rows `ids`)
   * and deletes those rows. Resolves with the new row's id. Rows not named are never touched,
   * so updates stored meanwhile, by this process or another, are kept.
   */
  replace(document: string, ids: readonly number[], merged: Uint8Array): Promise<number>;
  /** Resolves once everything appended so far is durable (or has failed). */
  flush(): Promise<void>;
}
