import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { writeSyncStep1 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/sync/messageType.js';
import {
  initialSyncState,
  sameSnapshot,
  snapshotOf,
  syncTransition,
  type SyncEffect,
  type SyncEvent,
  type SyncSnapshot,
} from './syncMachine.js';

export interface SyncMonitor {
  getSnapshot(): SyncSnapshot;
  /** For useSyncExternalStore; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/** What the monitor uses of the provider (y-websocket) and of the copy (y-indexeddb). */
export type SyncProvider = Pick<WebsocketProvider, 'ws' | 'on' | 'off'>;
export type SyncLocalCopy = Pick<IndexeddbPersistence, 'whenSynced' | 'get' | 'set' | 'del' | 'db'>;

// y-indexeddb's object stores (its on-disk layout) and our own key in its `custom` store, set
// while the copy holds changes the server may lack, so a reload knows they still need saving.
const UPDATES_STORE = 'updates';
const CUSTOM_STORE = 'custom';
const UNSAVED_KEY = 'unsaved';
// WebSocket.OPEN, which is no global outside browsers.
const SOCKET_OPEN = 1;

/**
 * Binds the sync state machine (syncMachine.ts) to the provider's sockets, the document's
 * updates and the local copy: turns what they report into events and carries out the effects.
 * Local changes are every document update that came neither from the server nor from the
 * local copy itself. `now` is the clock of `unsyncedSince`.
 */
export function monitorSync(
  ydoc: Y.Doc,
  provider: SyncProvider,
  localCopy: SyncLocalCopy,
  now: () => number = () => performance.now(),
): SyncMonitor {
  const listeners = new Set<() => void>();
  let state = initialSyncState(now());
  let snapshot = snapshotOf(state);
  let socket: WebSocket | null = null;
  let destroyed = false;

  const dispatch = (event: SyncEvent) => {
    if (destroyed) return;
    const step = syncTransition(state, event);
    state = step.state;
    for (const effect of step.effects) perform(effect);
    const next = snapshotOf(state);
    if (sameSnapshot(next, snapshot)) return;
    snapshot = next;
    for (const listener of listeners) listener();
  };

  const perform = (effect: SyncEffect) => {
    switch (effect.type) {
      case 'sendProbe':
        return sendProbe();
      case 'writeUnsavedFlag':
        return writeUnsavedFlag(effect.unsaved);
      case 'checkStored':
        return checkStored(effect.covers);
      case 'settleEdit':
        // After the provider's and the copy's own update handlers have sent and stored it.
        return queueMicrotask(() => dispatch({ type: 'editSettled' }));
    }
  };

  const sendProbe = () => {
    if (!socket || socket.readyState !== SOCKET_OPEN) {
      dispatch({ type: 'probeUnsent' });
      return;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    writeSyncStep1(encoder, ydoc);
    socket.send(encoding.toUint8Array(encoder));
  };

  // Only the label depends on this flag (the sync handshake resends whatever the server
  // lacks anyway), so a write that fails is let go.
  const writeUnsavedFlag = (unsaved: boolean) => {
    const written = unsaved ? localCopy.set(UNSAVED_KEY, 1) : localCopy.del(UNSAVED_KEY);
    written.catch(() => undefined);
  };

  /**
   * Confirms that the local copy has committed every change so far: a read-only transaction
   * over its stores starts only after the read-write ones created before it have finished.
   */
  const checkStored = (covered: number) => {
    const db = localCopy.db;
    let transaction: IDBTransaction | null = null;
    try {
      // Not open yet: on opening, the copy stores the whole document, and `whenSynced` checks again.
      transaction = db?.transaction([UPDATES_STORE, CUSTOM_STORE], 'readonly') ?? null;
    } catch {
      // The copy is closing.
    }
    if (!transaction) {
      dispatch({ type: 'storeCheckFailed' });
      return;
    }
    transaction.oncomplete = () => dispatch({ type: 'storeCheckDone', covered });
    transaction.onabort = () => dispatch({ type: 'storeCheckFailed' });
  };

  const onMessage = (event: MessageEvent) => {
    if (event.target !== socket || !(event.data instanceof ArrayBuffer)) return;
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
    if (kind === SyncMessageType.step1) dispatch({ type: 'serverStep1' });
    else if (kind === SyncMessageType.step2) dispatch({ type: 'serverStep2' });
  };

  const watch = (next: WebSocket | null) => {
    socket?.removeEventListener('message', onMessage);
    socket = next;
    socket?.addEventListener('message', onMessage);
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== localCopy) dispatch({ type: 'localEdit' });
  };
  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    // Emitted as the socket opens, before the provider sends its step 1 on it.
    if (status !== 'connected' || !provider.ws) return;
    watch(provider.ws);
    dispatch({ type: 'socketOpened', at: now() });
  };
  // Fires for every socket that closes, including attempts that never opened.
  const onConnectionClose = () => {
    watch(null);
    dispatch({ type: 'socketClosed', at: now() });
  };
  const onClosed = ({ code }: { code: number }) => dispatch({ type: 'closedForGood', code });

  ydoc.on('update', onUpdate);
  provider.on('status', onStatus);
  provider.on('connection-close', onConnectionClose);
  provider.on('closed', onClosed);
  localCopy.whenSynced
    .then(() => localCopy.get(UNSAVED_KEY))
    .then((flag: unknown) => dispatch({ type: 'localCopyLoaded', heldUnsaved: flag !== undefined }))
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
      watch(null);
      listeners.clear();
    },
  };
}
