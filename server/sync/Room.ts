import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { CloseCode, type CloseCodeValue } from '../../shared/sync/closeCodes.js';
import { MessageType, SyncMessageType } from '../../shared/sync/messageType.js';
import type { SyncLimitValues } from '../../shared/sync/syncLimits.js';
import type { DocumentPeers, PeerMessage } from '../fanout/Fanout.js';
import type { DocumentStore } from '../storage/DocumentStore.js';
import { MAX_DOCUMENT_DEPTH } from '../../shared/editor/documentLimits.js';
import { DepthGuard } from './DepthGuard.js';
import { PendingLimit } from './PendingLimit.js';
import { RoomPresence } from './RoomPresence.js';
import { SyncConnection } from './SyncConnection.js';
import type { SyncHooks } from './SyncHooks.js';
import type { SyncMetrics } from './SyncMetrics.js';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './syncMessages.js';

export interface RoomDeps {
  store: DocumentStore;
  /** The other instances holding documents (nobody, on one instance). */
  peers: DocumentPeers;
  hooks: SyncHooks;
  metrics: SyncMetrics;
  limits: SyncLimitValues;
  logger: Logger;
  /** The last connection left. */
  onEmpty(room: Room): void;
  /** Storage refused an update: the room must be dropped and reloaded from storage. */
  onFailed(room: Room): void;
}

interface Waiter {
  seq: number;
  run: () => void;
}

// Transaction origins of updates that are durable already, so they must not be stored again:
// read from storage at load (nobody to tell yet), or stored by another instance or found in
// storage later (told to this instance's connections at once).
const FROM_STORAGE = Symbol('from-storage');
const FROM_PEER = Symbol('from-peer');

/**
 * One loaded document and the connections editing it. Every update is appended to the store
 * before it is sent to anyone, and replies that carry document state wait for the updates
 * they contain to be durable, so no client ever sees what a crash could lose.
 */
export class Room {
  readonly doc = new Y.Doc();
  private readonly connections = new Set<SyncConnection>();
  private readonly presence: RoomPresence;
  /** Received updates waiting for changes this document never got, bounded. */
  private readonly pending: PendingLimit;
  private readonly depth: DepthGuard;
  /** Updates handed to the store, and how many of them are durable (they resolve in order). */
  private writeSeq = 0;
  private durableSeq = 0;
  private waiters: Waiter[] = [];
  /** Ids of the stored rows whose updates this room's document holds. */
  private rowIds = new Set<number>();
  /** Messages from other instances that arrived while loading, applied once loaded. */
  private early: PeerMessage[] | null = [];
  /**
   * Rows after which this room compacts: the limit stretched by up to half at random, so that
   * documents opened together (a meeting starting) do not all compact in the same second.
   */
  private readonly compactAfter: number;
  private compacting: Promise<void> | null = null;
  private destroyed = false;

  constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
  ) {
    this.compactAfter = Math.round(deps.limits.compactAfterUpdates * (1 + Math.random() / 2));
    this.presence = new RoomPresence(name, this.doc, this.connections, deps);
    this.pending = new PendingLimit(this.doc, deps.limits);
    this.depth = new DepthGuard(this.doc, MAX_DOCUMENT_DEPTH, this.pending, (bytes) =>
      deps.logger.warn({ doc: name, bytes }, 'dropped waiting data nested too deep'),
    );
    this.doc.on('update', (update: Uint8Array, origin: unknown) =>
      this.onDocUpdate(update, origin),
    );
  }

  get size(): number {
    return this.connections.size;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /**
   * Subscribes to the other instances, then reads storage: an update stored elsewhere meanwhile
   * is in the rows read or arrives as a message (or both, which Yjs shrugs off).
   */
  async load(): Promise<void> {
    await this.deps.peers.subscribe(this.name, this.receivePeer);
    await this.applyStored(FROM_STORAGE);
    // All stored rows together lack nothing: pending data here is what compaction stored
    // before it left pending data out, and nothing will ever complete it.
    const dropped = this.pending.clear();
    if (dropped > 0) {
      this.deps.logger.warn({ doc: this.name, bytes: dropped }, 'dropped pending data');
    }
    const early = this.early ?? [];
    this.early = null;
    for (const message of early) this.receivePeer(message);
    await this.deps.hooks.onLoad?.(this.name, this.doc);
  }

  /** Reads storage again and passes on what others stored unheard (after a fan-out outage). */
  async catchUp(): Promise<void> {
    if (!this.destroyed && this.early === null) await this.applyStored(FROM_PEER);
  }

  join(conn: SyncConnection): void {
    this.connections.add(conn);
    conn.onClose(() => this.leave(conn));
    conn.send(encodeSyncStep1(this.doc));
    this.presence.sendAll(conn);
    conn.attach((data) => this.receive(conn, data));
  }

  /** Applies a change of the server's own in one transaction: stored, then sent to everyone. */
  applyServerChange<T>(change: (doc: Y.Doc) => T): T {
    let result: T | undefined;
    this.doc.transact(() => {
      result = change(this.doc);
    });
    return result as T;
  }

  /** Resolves once a compaction under way, if any, has finished. */
  compacted(): Promise<void> {
    return this.compacting ?? Promise.resolve();
  }

  /** Resolves once every update applied so far is durable. */
  whenDurable(): Promise<void> {
    return new Promise((resolve) => this.afterDurable(resolve));
  }

  closeAll(code: CloseCodeValue, reason: string): void {
    for (const conn of [...this.connections]) conn.close(code, reason);
  }

  /**
   * Replaces the rows this room knows by one row holding its whole state (garbage-collected).
   * Only rows whose updates the document holds are deleted, so rows stored by anyone else
   * meanwhile stay; updates not yet durable end up stored twice, which Yjs shrugs off.
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    const ids = [...this.rowIds];
    if (ids.length <= 1) return Promise.resolve();
    this.rowIds = new Set();
    this.compacting = this.deps.store
      .replace(this.name, ids, this.pending.encodeIntegrated())
      .then(
        (id) => {
          this.rowIds.add(id);
        },
        (err: unknown) => {
          for (const id of ids) this.rowIds.add(id);
          this.deps.logger.warn({ err, doc: this.name }, 'compaction failed');
        },
      )
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  destroy(): void {
    this.destroyed = true;
    this.deps.peers.unsubscribe(this.name, this.receivePeer);
    this.presence.destroy();
    this.doc.destroy();
  }

  /** Handles one message; throws on anything malformed (the connection closes it then). */
  private receive(conn: SyncConnection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SyncMessageType.step1) {
        const reply = encodeSyncStep2(this.pending.encodeIntegrated(payload));
        this.afterDurable(() => conn.send(reply));
      } else if (syncType === SyncMessageType.step2 || syncType === SyncMessageType.update) {
        // Writes from read-only connections are dropped, never applied; so are those too deep.
        if (conn.canWrite && this.depth.admit(conn, payload)) {
          // With updates held waiting, Yjs may apply some along with this one, which its
          // sender lacks too.
          const origin = this.pending.bytes > 0 ? null : conn;
          this.pending.applyBounded(conn, () => Y.applyUpdate(this.doc, payload, origin));
        }
      } else {
        throw new Error(`unknown sync message type ${syncType}`);
      }
    } else if (type === MessageType.awareness) {
      this.presence.receive(conn, decoding.readVarUint8Array(decoder));
    } else if (type === MessageType.queryAwareness) {
      this.presence.sendAll(conn);
    } else {
      throw new Error(`unknown message type ${type}`);
    }
  }

  private leave(conn: SyncConnection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.leave(conn);
    this.pending.forget(conn);
    this.deps.hooks.onClose?.(conn.principal, this.name);
    if (this.connections.size === 0) this.deps.onEmpty(this);
  }

  private async applyStored(origin: symbol): Promise<void> {
    const rows = (await this.deps.store.load(this.name)).filter((r) => !this.rowIds.has(r.id));
    if (this.destroyed) return;
    this.pending.applyTrusted(origin, () =>
      this.doc.transact(() => {
        for (const row of rows) Y.applyUpdate(this.doc, row.data);
      }, origin),
    );
    for (const row of rows) this.rowIds.add(row.id);
  }

  /** A message from another instance: its updates are stored already. */
  private readonly receivePeer = (message: PeerMessage): void => {
    if (this.destroyed) return;
    if (this.early) {
      this.early.push(message);
    } else if (message.kind === 'update') {
      this.pending.applyTrusted(FROM_PEER, () =>
        Y.applyUpdate(this.doc, message.update, FROM_PEER),
      );
      this.rowIds.add(message.rowId);
    } else {
      this.presence.receivePeer(message.update);
    }
  };

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === FROM_STORAGE || this.destroyed) return;
    if (origin === FROM_PEER) {
      const message = encodeSyncUpdate(update);
      for (const conn of this.connections) conn.send(message);
      return;
    }
    const seq = ++this.writeSeq;
    const sender = origin instanceof SyncConnection ? origin : null;
    const received = performance.now();
    this.deps.store.append(this.name, update).then(
      (id) => this.onDurable(seq, id, update, sender, received),
      (err: unknown) => this.onStoreFailed(err),
    );
  }

  private onDurable(
    seq: number,
    rowId: number,
    update: Uint8Array,
    sender: SyncConnection | null,
    received: number,
  ): void {
    if (this.destroyed) return;
    this.durableSeq = seq;
    this.rowIds.add(rowId);
    this.deps.peers.publish(this.name, { kind: 'update', rowId, update });
    this.deps.hooks.onStore?.(this.name, update);
    const message = encodeSyncUpdate(update);
    let recipients = 0;
    for (const conn of this.connections) {
      if (conn === sender) continue;
      conn.send(message);
      recipients++;
    }
    this.deps.metrics.updateStored((performance.now() - received) / 1000, recipients);
    this.runWaiters();
    if (this.rowIds.size > this.compactAfter) void this.compact();
  }

  private onStoreFailed(err: unknown): void {
    if (this.destroyed) return;
    this.deps.metrics.storeFailed();
    this.deps.logger.error({ err, doc: this.name }, 'storing an update failed; dropping the room');
    // The memory copy now holds what storage lacks: drop it; clients resend on reconnect.
    this.closeAll(CloseCode.storageUnavailable, 'storage unavailable');
    this.durableSeq = this.writeSeq;
    this.runWaiters();
    this.deps.onFailed(this);
  }

  private afterDurable(run: () => void): void {
    if (this.durableSeq >= this.writeSeq) run();
    else this.waiters.push({ seq: this.writeSeq, run });
  }

  private runWaiters(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.seq <= this.durableSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.durableSeq);
    for (const w of ready) w.run();
  }
}
