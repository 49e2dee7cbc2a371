/** Persistence of Yjs documents as append-only update logs. */
export interface DocumentStore {
  /** Every stored update of the document, oldest first (one after compaction). */
  load(document: string): Promise<Uint8Array[]>;
  /**
   * Appends an update to the document's log. Resolves once it is durable: updates appended in
   * the same event-loop tick share one transaction.
   */
  append(document: string, update: Uint8Array): Promise<void>;
  /** Replaces the document's log by one merged update; resolves with the rows left. */
  compact(document: string): Promise<number>;
  /** Resolves once everything appended so far is durable (or has failed). */
  flush(): Promise<void>;
}
