import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { writeSyncStep1 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/sync/messageType.js';

/**
 * What is known about one document's way to the server and to this browser's copy.
 *
 * "Acknowledged" has one precise meaning here. The server answers a sync step 1 with a step 2
 * only once every update it received before that step 1 is durable (server/sync/Room.ts,
 * `afterDurable`), and a socket delivers in order. So after local changes have been sent, a
 * step 1 sent behind them (a probe) whose reply arrives proves that the server has stored them.
 * That holds for deletions too, which a state vector cannot show.
 */
export interface SyncSnapshot {
  /**
   * The current socket finished its handshake: the server sent its state, the provider answered
   * with everything of ours the server lacked, and a probe behind that answer came back.
   */
  synced: boolean;
  /** `performance.now()` when the document stopped being synced (or the session began). */
  unsyncedSince: number | null;
  /** A socket has closed at least once: the next attempt is a reconnection. */
  hadSocketClose: boolean;
  /** Set when the server closed the connection for good (a 44xx code). */
  closeCode: number | null;
  /** Local changes (typed here, or kept from before a reload) not yet acknowledged. */
  unsaved: boolean;
  /** On the current socket, at least one probe acknowledged local changes. */
  savedOnThisConnection: boolean;
  /** Every local change is committed to this browser's IndexedDB copy. */
  keptLocally: boolean;
}

export interface SyncMonitor {
  getSnapshot(): SyncSnapshot;
  /** For useSyncExternalStore; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/** One socket's handshake and the probes sent on it. */
interface SocketRound {
  ws: WebSocket;
  /** Replies still owed to the provider's own step 1, which it sends as the socket opens. */
  providerReplies: number;
  /** For each probe not yet answered (oldest first): the local change count it covers. */
  probes: number[];
  serverStateSeen: boolean;
  synced: boolean;
  savedSome: boolean;
}

// y-indexeddb's object stores (its on-disk layout) and our own key in its `custom` store, set
// while the copy holds changes the server may lack, so a reload knows they still need saving.
const UPDATES_STORE = 'updates';
const CUSTOM_STORE = 'custom';
const UNSAVED_KEY = 'unsaved';

/**
 * Follows the provider's sockets and the local copy, and counts local changes: `edits` made,
 * `savedEdits` acknowledged by the server, `storedEdits` committed to IndexedDB. Local changes
 * are every document update that came neither from the server nor from the local copy itself.
 */
export function monitorSync(
  ydoc: Y.Doc,
  provider: WebsocketProvider,
  localCopy: IndexeddbPersistence,
): SyncMonitor {
  const listeners = new Set<() => void>();
  let edits = 0;
  let savedEdits = 0;
  let storedEdits = 0;
  let round: SocketRound | null = null;
  let hadSocketClose = false;
  let closeCode: number | null = null;
  let unsyncedSince: number | null = performance.now();
  let storeCheckPending = false;
  let destroyed = false;

  const compute = (): SyncSnapshot => ({
    synced: round?.synced ?? false,
    unsyncedSince,
    hadSocketClose,
    closeCode,
    unsaved: edits > savedEdits,
    savedOnThisConnection: round?.savedSome ?? false,
    keptLocally: storedEdits >= edits,
  });
  let snapshot = compute();

  const changed = () => {
    const next = compute();
    const keys = Object.keys(next) as (keyof SyncSnapshot)[];
    if (keys.every((key) => next[key] === snapshot[key])) return;
    snapshot = next;
    for (const listener of listeners) listener();
  };

  // Only the label depends on this flag (the sync handshake resends whatever the server
  // lacks anyway), so a write that fails is let go.
  const writeUnsavedFlag = (unsaved: boolean) => {
    if (destroyed) return;
    const written = unsaved ? localCopy.set(UNSAVED_KEY, 1) : localCopy.del(UNSAVED_KEY);
    written.catch(() => undefined);
  };

  const sendProbe = () => {
    const current = round;
    if (!current || !current.serverStateSeen || current.probes.length > 0) return;
    if (current.synced && savedEdits >= edits) return;
    if (current.ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    writeSyncStep1(encoder, ydoc);
    current.probes.push(edits);
    current.ws.send(encoding.toUint8Array(encoder));
  };

  const onReply = (current: SocketRound) => {
    if (current.providerReplies > 0) {
      current.providerReplies--;
      return;
    }
    const covered = current.probes.shift();
    if (covered === undefined) return;
    current.synced = true;
    unsyncedSince = null;
    if (covered > savedEdits) {
      savedEdits = covered;
      current.savedSome = true;
      if (savedEdits >= edits) writeUnsavedFlag(false);
    }
    // Changes made while this probe travelled need a probe of their own.
    sendProbe();
    changed();
  };

  const onMessage = (event: MessageEvent) => {
    const current = round;
    if (!current || event.target !== current.ws || !(event.data instanceof ArrayBuffer)) return;
    // Runs after the provider's own handler (registered first), so a step 1 from the server
    // has already been answered with everything of ours the server lacks.
    let kind: number;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(event.data));
      if (decoding.readVarUint(decoder) !== MessageType.sync) return;
      kind = decoding.readVarUint(decoder);
    } catch {
      return;
    }
    if (kind === SyncMessageType.step1) {
      current.serverStateSeen = true;
      sendProbe();
    } else if (kind === SyncMessageType.step2) {
      onReply(current);
    }
  };

  const endRound = () => {
    if (!round) return;
    round.ws.removeEventListener('message', onMessage);
    if (round.synced) unsyncedSince = performance.now();
    round = null;
  };

  /**
   * Confirms that the local copy has committed every change so far: a read-only transaction
   * over its stores starts only after the read-write ones created before it have finished.
   */
  const checkStored = () => {
    const db = localCopy.db;
    // Not open yet: on opening, the copy stores the whole document, and `synced` checks again.
    if (destroyed || storeCheckPending || storedEdits >= edits || !db) return;
    const covered = edits;
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction([UPDATES_STORE, CUSTOM_STORE], 'readonly');
    } catch {
      return;
    }
    storeCheckPending = true;
    transaction.oncomplete = () => {
      storeCheckPending = false;
      storedEdits = Math.max(storedEdits, covered);
      changed();
      checkStored();
    };
    transaction.onabort = () => {
      storeCheckPending = false;
    };
  };

  /**
   * `restored`: the copy said, when opened, that it holds changes the server may lack. They
   * count as one change, already in the copy (the check below confirms that at once).
   */
  const noteEdit = (restored: boolean) => {
    if (!restored && savedEdits >= edits) writeUnsavedFlag(true);
    edits++;
    // After the provider's and the copy's own update handlers have sent and stored the change.
    queueMicrotask(() => {
      if (destroyed) return;
      sendProbe();
      checkStored();
    });
    changed();
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== localCopy) noteEdit(false);
  };

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    // Emitted as the socket opens, before the provider sends its step 1 on it.
    if (status === 'connected' && provider.ws) {
      endRound();
      closeCode = null;
      round = {
        ws: provider.ws,
        providerReplies: 1,
        probes: [],
        serverStateSeen: false,
        synced: false,
        savedSome: false,
      };
      round.ws.addEventListener('message', onMessage);
    }
    changed();
  };
  // Fires for every socket that closes, including attempts that never opened.
  const onConnectionClose = () => {
    hadSocketClose = true;
    endRound();
    changed();
  };
  const onClosed = ({ code }: { code: number }) => {
    closeCode = code;
    changed();
  };

  ydoc.on('update', onUpdate);
  provider.on('status', onStatus);
  provider.on('connection-close', onConnectionClose);
  provider.on('closed', onClosed);
  localCopy.whenSynced
    .then(() => localCopy.get(UNSAVED_KEY))
    .then((flag: unknown) => {
      if (destroyed) return;
      if (flag !== undefined) noteEdit(true);
      checkStored();
    })
    .catch(() => undefined);

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      ydoc.off('update', onUpdate);
      provider.off('status', onStatus);
      provider.off('connection-close', onConnectionClose);
      provider.off('closed', onClosed);
      endRound();
      listeners.clear();
    },
  };
}
