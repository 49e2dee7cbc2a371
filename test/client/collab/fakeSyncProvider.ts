import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ObservableV2 } from 'lib0/observable';
import { readSyncMessage, writeSyncStep1, writeSyncStep2 } from 'y-protocols/sync';
import type * as Y from 'yjs';
import type { SyncLocalCopy, SyncProvider } from '../../../client/collab/syncMonitor.js';
import { MessageType } from '../../../shared/sync/messageType.js';

/** A socket as the browser's WebSocket shows it to listeners: messages and what was sent. */
export class FakeSocket extends EventTarget {
  readyState = 1;
  readonly OPEN = 1;
  readonly sent: Uint8Array[] = [];

  send(data: Uint8Array): void {
    this.sent.push(data);
  }

  /** The sync message types (1: step 1, 2: step 2) of what was sent, in order. */
  sentSyncKinds(): number[] {
    return this.sent.flatMap((bytes) => {
      const decoder = decoding.createDecoder(bytes);
      return decoding.readVarUint(decoder) === MessageType.sync
        ? [decoding.readVarUint(decoder)]
        : [];
    });
  }
}

type ProviderEvents = {
  status: (event: { status: 'connected' | 'disconnected' | 'connecting' }) => void;
  'connection-close': (event: { code: number } | null) => void;
  closed: (event: { code: number; reason: string }) => void;
};

/**
 * The event surface of y-websocket's WebsocketProvider (3.1), driven by hand: `open` and the
 * closes emit what its `setupWS` and `closeWebsocketConnection` emit, in the same order, and
 * `receive` runs the provider's own message handler (which answers and applies sync messages)
 * before the socket's other listeners.
 */
export class FakeProvider extends ObservableV2<ProviderEvents> {
  ws: FakeSocket | null = null;

  constructor(private readonly doc: Y.Doc) {
    super();
  }

  /** The provider's face as the monitor types it. */
  get surface(): SyncProvider {
    return this as unknown as SyncProvider;
  }

  /** A socket opens: status `connected`, then the provider's own sync step 1 on it. */
  open(): FakeSocket {
    const socket = new FakeSocket();
    this.ws = socket;
    this.emit('status', [{ status: 'connecting' }]);
    this.emit('status', [{ status: 'connected' }]);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    writeSyncStep1(encoder, this.doc);
    socket.send(encoding.toUint8Array(encoder));
    return socket;
  }

  /** A message from the server on the current socket. */
  receive(message: Uint8Array): void {
    const socket = this.ws;
    if (!socket) throw new Error('no socket');
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) === MessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder));
    }
    const data = message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength);
    socket.dispatchEvent(new MessageEvent('message', { data }));
  }

  /** The server closes the socket with `code`; 44xx is final (y-websocket's default rule). */
  serverClose(code: number): void {
    this.close({ code });
    if (code >= 4400 && code < 4500) this.emit('closed', [{ code, reason: '' }]);
  }

  /** The client drops the socket itself (`provider.disconnect()`, the silence check). */
  close(event: { code: number } | null = null): void {
    const socket = this.ws;
    if (!socket) return;
    this.emit('connection-close', [event]);
    this.ws = null;
    socket.readyState = 3;
    this.emit('status', [{ status: 'disconnected' }]);
  }

  listenerCount(): number {
    return [...this._observers.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

/** A sync step 1 or step 2 as the server sends it, from the server's copy `doc`. */
export function serverMessage(kind: 'step1' | 'step2', doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  if (kind === 'step1') writeSyncStep1(encoder, doc);
  else writeSyncStep2(encoder, doc);
  return encoding.toUint8Array(encoder);
}

interface FakeTransaction {
  oncomplete: (() => void) | null;
  onabort: (() => void) | null;
}

/** y-indexeddb's persistence as the monitor uses it: its `custom` store and its transactions. */
export class FakeLocalCopy {
  readonly custom = new Map<string, unknown>();
  readonly transactions: FakeTransaction[] = [];
  db: { transaction(): FakeTransaction } | null = {
    transaction: () => {
      const transaction: FakeTransaction = { oncomplete: null, onabort: null };
      this.transactions.push(transaction);
      return transaction;
    },
  };
  readonly whenSynced: Promise<this>;
  private loaded: () => void = () => undefined;

  constructor() {
    this.whenSynced = new Promise((resolve) => {
      this.loaded = () => resolve(this);
    });
  }

  /** The copy finished loading from IndexedDB. */
  load(): void {
    this.loaded();
  }

  get surface(): SyncLocalCopy {
    return this as unknown as SyncLocalCopy;
  }

  get(key: string): Promise<unknown> {
    return Promise.resolve(this.custom.get(key));
  }

  set(key: string, value: unknown): Promise<unknown> {
    this.custom.set(key, value);
    return Promise.resolve(value);
  }

  del(key: string): Promise<undefined> {
    this.custom.delete(key);
    return Promise.resolve(undefined);
  }

  /** Completes every transaction still open, oldest first. */
  commit(): void {
    for (const transaction of this.transactions.splice(0)) transaction.oncomplete?.();
  }
}

/** Lets queued microtasks and promise chains run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
