import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/sync/closeCodes.js';
import type { SyncLimitValues } from '../../shared/sync/syncLimits.js';
import type { DocumentPeers } from '../fanout/Fanout.js';
import type { DocumentStore } from '../storage/DocumentStore.js';
import { Room } from './Room.js';
import type { SyncConnection } from './SyncConnection.js';
import type { SyncHooks } from './SyncHooks.js';
import type { SyncMetrics } from './SyncMetrics.js';
import { DomainError } from '../../shared/errors/DomainError.js';

export interface RoomRegistryDeps {
  store: DocumentStore;
  peers: DocumentPeers;
  hooks: SyncHooks;
  metrics: SyncMetrics;
  limits: SyncLimitValues;
  logger: Logger;
}

interface Entry {
  room: Room;
  ready: Promise<void>;
}

// A room can close between its load and a join (its last user left); retrying this often is plenty.
const JOIN_ATTEMPTS = 3;

/**
 * The loaded documents. A document is loaded on its first connection (later connections wait
 * for the same load, their messages buffered) and freed once its last connection has left and
 * its updates are durable.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Entry>();
  /** Shutting down: rooms let go are dropped without compacting, the database is closing. */
  private closing = false;

  constructor(private readonly deps: RoomRegistryDeps) {}

  /** Number of documents held in memory. */
  get size(): number {
    return this.rooms.size;
  }

  async join(conn: SyncConnection): Promise<void> {
    for (let attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
      const { room, ready } = this.getOrLoad(conn.documentName);
      await ready;
      if (room.isDestroyed) continue;
      if (conn.isOpen) room.join(conn);
      else if (room.size === 0) void this.release(room);
      return;
    }
    // The document kept closing while joining.
    throw new DomainError('internal');
  }

  /**
   * Makes a change of the server's own (not a client's) to a document, through its room: the
   * change is stored before anyone sees it and reaches everyone who has the document open.
   */
  async edit(name: string, change: (doc: Y.Doc) => boolean | void): Promise<void> {
    for (let attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
      const { room, ready } = this.getOrLoad(name);
      await ready;
      if (room.isDestroyed) continue;
      const compact = room.applyServerChange(change);
      await room.whenDurable();
      // A failed store drops the room: the change did not land.
      if (room.isDestroyed) throw new Error(`storing into ${name} failed`);
      // The log holds a deletion only this room could apply (ServerDocuments): fold it in.
      if (compact === true) await room.compact();
      if (room.size === 0) void this.release(room);
      return;
    }
    throw new Error(`document ${name} kept closing while writing`);
  }

  /** Every loaded document reads storage again for what other instances stored unheard. */
  async catchUp(): Promise<void> {
    const rooms = [...this.rooms.values()];
    await Promise.all(
      rooms.map(({ room, ready }) =>
        ready
          .then(() => room.catchUp())
          .catch((err: unknown) =>
            this.deps.logger.warn({ err, doc: room.name }, 'catching up a document failed'),
          ),
      ),
    );
  }

  /** Closes every connection of every room; resolves when all rooms are freed or `graceMs` passed. */
  async closeAll(graceMs: number): Promise<void> {
    for (const { room } of this.rooms.values()) {
      room.closeAll(CloseCode.goingAway, 'server shutting down');
    }
    const deadline = Date.now() + graceMs;
    while (this.rooms.size > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    this.closing = true;
    await Promise.all(
      [...this.rooms.values()].map(({ room }) => room.whenDurable().then(() => room.compacted())),
    );
  }

  private getOrLoad(name: string): Entry {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const room = new Room(name, {
      ...this.deps,
      onEmpty: (r) => void this.release(r),
      onFailed: (r) => this.drop(r),
    });
    const ready = room.load().catch((err: unknown) => {
      this.deps.logger.error({ err, doc: name }, 'loading a document failed');
      this.drop(room);
      throw new DomainError('storage_unavailable');
    });
    const entry = { room, ready };
    this.rooms.set(name, entry);
    return entry;
  }

  private async release(room: Room): Promise<void> {
    await room.whenDurable();
    if (room.size > 0) return;
    // Leave one row behind, so the next load reads one row however long the session was.
    if (!this.closing) await room.compact();
    if (room.size === 0) this.drop(room);
  }

  private drop(room: Room): void {
    if (this.rooms.get(room.name)?.room === room) this.rooms.delete(room.name);
    if (!room.isDestroyed) room.destroy();
  }
}
