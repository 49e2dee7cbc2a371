import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { followBrowserNetwork } from './followBrowserNetwork.js';
import { localCopyName } from './localCopy.js';
import { monitorSync, type SyncMonitor } from './syncMonitor.js';

/**
 * One open document: its Y.Doc, the provider that keeps it in sync with the server, the copy
 * this browser keeps of it, and what is known about both.
 */
export interface DocumentSession {
  documentName: string;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /**
   * The document in IndexedDB, so that a reload or a closed laptop while offline keeps the edits
   * not yet synced; the provider merges them when the connection returns.
   */
  localCopy: IndexeddbPersistence;
  sync: SyncMonitor;
  destroy(): void;
}

/** The sync endpoint on this page's own origin (the intranet rule: never another host). */
export function syncServerUrl(loc: Location = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/yjs`;
}

/** Connects at once; the provider appends `/<documentName>` to the URL. */
export function openDocumentSession(documentName: string, userId: number): DocumentSession {
  const ydoc = new Y.Doc();
  // Opened first so that the kept copy is read as early as possible; whatever it holds that the
  // server lacks goes out with the sync handshake, or as an update if it loads after that.
  const localCopy = new IndexeddbPersistence(localCopyName(userId, documentName), ydoc);
  const provider = new WebsocketProvider(syncServerUrl(), documentName, ydoc);
  // After a reconnect (4205, an outage) the server and the others still hold this client's
  // last awareness clock and drop a state re-sent with that same clock, so the person would
  // vanish from everyone's list until their next cursor move. A fresh clock counts again.
  provider.on('status', ({ status }) => {
    const state = provider.awareness.getLocalState();
    if (status === 'connected' && state !== null) provider.awareness.setLocalState(state);
  });
  // Last, so that its update handler runs after the provider's and the copy's.
  const sync = monitorSync(ydoc, provider, localCopy);
  const stopFollowing = followBrowserNetwork(provider);
  return {
    documentName,
    ydoc,
    provider,
    localCopy,
    sync,
    destroy() {
      stopFollowing();
      sync.destroy();
      // The provider does not own the doc: both go, or the doc's observers leak.
      provider.destroy();
      // Closes the database; what was written stays for the next visit. A copy that never
      // opened (storage disabled) has nothing to close.
      localCopy.destroy().catch(() => undefined);
      ydoc.destroy();
    },
  };
}
