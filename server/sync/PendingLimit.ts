import * as Y from 'yjs';
import { CloseCode } from '../../shared/sync/closeCodes.js';
import { SyncConnection } from './SyncConnection.js';

interface PendingState {
  structs: { missing: Map<number, number>; update: Uint8Array } | null;
  ds: Uint8Array | null;
}

export interface PendingLimits {
  maxPendingBytes: number;
  maxPendingUpdates: number;
}

/**
 * Bounds the updates a document holds while they wait for changes it never received (Yjs's
 * pending structs and deletions). Yjs merges each further waiting update into all of them and
 * re-applies all of them whenever something they wait for may have come, so their cost grows
 * with their size times the updates that rework them. Both are bounded: the bytes per
 * document, the reworks per connection whose data waits (whoever's update set them off).
 * A connection past either is closed with 4424. Pending data is never stored here: the update log only gets what Yjs
 * integrated, and `encodeIntegrated` leaves it out (of step 2 replies and of compaction).
 */
export class PendingLimit {
  /** Who added to the pending data still held: connections, or the symbols of storage and peers. */
  private readonly contributors = new Set<unknown>();
  /** Per connection, the times Yjs reworked pending structs while some of them were its. */
  private readonly reworks = new Map<unknown, number>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: PendingLimits,
  ) {}

  get bytes(): number {
    const { pendingStructs, pendingDs } = this.doc.store;
    return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
  }

  /**
   * Runs `apply`, which applies an update from `conn`. If that leaves more pending bytes than
   * the limit, or reworks pending data of `conn`'s once too often, the pending data goes back to
   * what it was before, `conn` is closed and false returned: what the update could integrate
   * stays, what it left waiting is dropped. Other connections whose waiting data was reworked
   * once too often are closed. A throw restores too.
   */
  applyBounded(conn: SyncConnection, apply: () => void): boolean {
    const before = this.save();
    const structs = this.doc.store.pendingStructs;
    const structsUpdate = structs?.update;
    const bytesBefore = this.bytes;
    try {
      apply();
    } catch (err) {
      this.restore(before);
      throw err;
    }
    const bytes = this.bytes;
    const after = this.doc.store.pendingStructs;
    const grew = bytes > bytesBefore;
    // Merged into, or re-applied and set anew: work that grows with all that is held.
    const reworked = grew || after !== structs || after?.update !== structsUpdate;
    const charged = new Set(reworked ? this.contributors : []);
    if (grew) charged.add(conn);
    const over = [...charged].filter((c) => this.charge(c));
    const refused = (grew && bytes > this.limits.maxPendingBytes) || over.includes(conn);
    if (refused) this.restore(before);
    else this.note(conn, bytesBefore);
    for (const c of refused ? [conn, ...over] : over) {
      if (c instanceof SyncConnection) {
        c.close(CloseCode.missingDependencies, 'too many updates wait for missing changes');
      }
    }
    return !refused;
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
    this.reworks.delete(origin);
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

  /** Counts one rework against `origin`; true once it is past the limit. */
  private charge(origin: unknown): boolean {
    const reworks = (this.reworks.get(origin) ?? 0) + 1;
    this.reworks.set(origin, reworks);
    return reworks > this.limits.maxPendingUpdates;
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
