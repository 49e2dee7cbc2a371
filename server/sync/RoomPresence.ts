import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/sync/closeCodes.js';
import type { SyncLimitValues } from '../../shared/sync/syncLimits.js';
import type { DocumentPeers } from '../fanout/Fanout.js';
import { AwarenessGate } from './AwarenessGate.js';
import { SyncConnection } from './SyncConnection.js';
import { encodeAwareness } from './syncMessages.js';

/** Awareness origin of updates from other instances. */
const FROM_PEER = Symbol('awareness-from-peer');
/** Awareness origin of the states a leaving connection takes with it. */
const LEFT = Symbol('left');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Who is in a room (y-protocols awareness): one state per connection, stamped with its user
 * by the gate, relayed to every connection of the room and to the other instances.
 */
export class RoomPresence {
  readonly awareness: Awareness;
  private readonly gate: AwarenessGate;

  constructor(
    private readonly name: string,
    doc: Y.Doc,
    private readonly connections: ReadonlySet<SyncConnection>,
    private readonly deps: { peers: DocumentPeers; limits: SyncLimitValues },
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null);
    this.gate = new AwarenessGate(this.awareness, deps.limits.maxAwarenessBytes);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.relay(change, origin),
    );
  }

  /** Sends everyone present to `conn` (a connection that just joined, or asked). */
  sendAll(conn: SyncConnection): void {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) conn.send(encodeAwareness(this.awareness, clients));
  }

  /** An awareness update from `conn`; throws on one that does not decode. */
  receive(conn: SyncConnection, update: Uint8Array): void {
    const admitted = this.gate.admit(conn, update);
    if (admitted.kind === 'tooLarge') {
      conn.close(CloseCode.awarenessTooLarge, 'awareness state too large');
    } else if (admitted.kind === 'apply') {
      applyAwarenessUpdate(this.awareness, admitted.update, conn);
    }
  }

  /** An awareness update from another instance (its own clients', stamped there). */
  receivePeer(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, FROM_PEER);
  }

  /** `conn` left: its state goes with it. */
  leave(conn: SyncConnection): void {
    const client = this.gate.release(conn);
    if (client !== undefined && this.awareness.getStates().has(client)) {
      removeAwarenessStates(this.awareness, [client], LEFT);
    }
  }

  destroy(): void {
    this.awareness.destroy();
  }

  private relay(change: AwarenessChange, origin: unknown): void {
    const clients = change.added.concat(change.updated, change.removed);
    // This instance's own clients' presence goes to the others; what came from them, and what
    // timed out here, does not go back.
    if (origin instanceof SyncConnection || origin === LEFT) {
      const update = encodeAwarenessUpdate(this.awareness, clients);
      this.deps.peers.publish(this.name, { kind: 'awareness', update });
    }
    const message = encodeAwareness(this.awareness, clients);
    // The sender gets its own state back too: the y-websocket client renews its awareness every
    // 15 s and drops a socket silent for 30 s, so this echo keeps a lone editor connected.
    for (const conn of this.connections) conn.send(message);
  }
}
