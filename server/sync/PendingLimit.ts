import * as Y from 'yjs';

interface PendingState {
  structs: { missing: Map<number, number>; update: Uint8Array } | null;
  ds: Uint8Array | null;
}

/**
 * Keeps the updates a document holds while they wait for changes it never received (Yjs's
 * pending structs and deletions) under a number of bytes. Yjs merges every new update into
 * them, so unbounded they cost time that grows with their size on every update, and they were
 * sent to every client syncing and stored by compaction. Pending data is never stored here:
 * the update log only gets what Yjs integrated, and `encodeIntegrated` leaves it out.
 */
export class PendingLimit {
  /** Who added to the pending data still held: connections, or the symbols of storage and peers. */
  private readonly contributors = new Set<unknown>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxBytes: number,
  ) {}

  get bytes(): number {
    const { pendingStructs, pendingDs } = this.doc.store;
    return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
  }

  /**
   * Runs `apply` (which applies an update from `origin`). If it leaves more pending bytes than
   * the limit, the pending data goes back to what it was before and false is returned: what
   * the update could integrate stays, what it left waiting is dropped. A throw restores too.
   */
  applyBounded(origin: unknown, apply: () => void): boolean {
    const before = this.save();
    const bytesBefore = this.bytes;
    try {
      apply();
    } catch (err) {
      this.restore(before);
      throw err;
    }
    const bytes = this.bytes;
    if (bytes > this.maxBytes && bytes > bytesBefore) {
      this.restore(before);
      return false;
    }
    this.note(origin, bytesBefore);
    return true;
  }

  /** Runs `apply` without a limit (updates already stored, from storage or other instances). */
  applyTrusted(origin: unknown, apply: () => void): void {
    const bytesBefore = this.bytes;
    apply();
    this.note(origin, bytesBefore);
  }

  /**
   * `origin` is gone (a connection closed): once nobody who added to the pending data is left,
   * nothing will ever supply what it waits for, so it is dropped. A client that reconnects
   * sends what it has again in its sync handshake.
   */
  forget(origin: unknown): void {
    if (!this.contributors.delete(origin) || this.contributors.size > 0) return;
    this.clear();
  }

  /** Drops all pending data; returns how many bytes it was. */
  clear(): number {
    const bytes = this.bytes;
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    this.contributors.clear();
    return bytes;
  }

  /** The document's state as an update, without the pending data (see `Y.encodeStateAsUpdate`). */
  encodeIntegrated(stateVector?: Uint8Array): Uint8Array {
    const saved = this.save();
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector);
    } finally {
      this.restore(saved);
    }
  }

  private note(origin: unknown, bytesBefore: number): void {
    if (this.bytes === 0) this.contributors.clear();
    else if (this.bytes > bytesBefore) this.contributors.add(origin);
  }

  /** Yjs changes the pending structs' `missing` map in place, so it is copied. */
  private save(): PendingState {
    const { pendingStructs, pendingDs } = this.doc.store;
    return {
      structs: pendingStructs
        ? { missing: new Map(pendingStructs.missing), update: pendingStructs.update }
        : null,
      ds: pendingDs,
    };
  }

  private restore(state: PendingState): void {
    this.doc.store.pendingStructs = state.structs;
    this.doc.store.pendingDs = state.ds;
  }
}
