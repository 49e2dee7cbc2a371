import type { createAdapter } from '@socket.io/redis-adapter';
import type { ClusterEvent } from '../../shared/cluster/clusterEvents.js';

/** A socket.io adapter that carries broadcasts to the other instances. */
export type SocketIoAdapter = ReturnType<typeof createAdapter>;

/** What another instance tells the instances holding the same document. */
export type PeerMessage =
  /** An update that instance has stored as row `rowId`: durable, so it can be shown at once. */
  | { kind: 'update'; rowId: number; update: Uint8Array }
  /** An awareness update of that instance's clients (presence, carets). */
  | { kind: 'awareness'; update: Uint8Array };

export type PeerReceiver = (message: PeerMessage) => void;

/** The documents' side of the fan-out, as the sync server sees it. */
export interface DocumentPeers {
  /**
   * Starts receiving the document's messages from other instances. Resolves once messages
   * published from now on will arrive, or once the attempt failed (logged; the catch-up after
   * a reconnect repairs it), so that a document loads even while the fan-out is down.
   */
  subscribe(document: string, receive: PeerReceiver): Promise<void>;
  /** Stops `receive`; a later subscriber of the same document is kept. */
  unsubscribe(document: string, receive: PeerReceiver): void;
  /** Sends to the other instances holding the document; lost while the fan-out is down. */
  publish(document: string, message: PeerMessage): void;
}

/**
 * Messages between instances: in-process by default (one instance, nothing to carry), Redis
 * when REDIS_URL is set.
 */
export interface Fanout extends DocumentPeers {
  /** Runs the event here and on every other instance. */
  broadcast(event: ClusterEvent): void;
  onEvent(handler: (event: ClusterEvent) => void): void;
  /** The adapter for socket.io's broadcasts; null keeps socket.io's own (in-process) one. */
  socketIoAdapter(): Promise<SocketIoAdapter | null>;
  /** Rejects while the fan-out is unreachable (readiness). */
  check(): Promise<void>;
  close(): Promise<void>;
}
