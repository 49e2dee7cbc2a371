import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** One open document: its Y.Doc and the provider that keeps it in sync with the server. */
export interface DocumentSession {
  documentName: string;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** The sync endpoint on this page's own origin (the intranet rule: never another host). */
export function syncServerUrl(loc: Location = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/yjs`;
}

/** Connects at once; the provider appends `/<documentName>` to the URL. */
export function openDocumentSession(documentName: string): DocumentSession {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(syncServerUrl(), documentName, ydoc);
  // After a reconnect (4205, an outage) the server and the others still hold this client's
  // last awareness clock and drop a state re-sent with that same clock, so the person would
  // vanish from everyone's list until their next cursor move. A fresh clock counts again.
  provider.on('status', ({ status }) => {
    const state = provider.awareness.getLocalState();
    if (status === 'connected' && state !== null) provider.awareness.setLocalState(state);
  });
  return {
    documentName,
    ydoc,
    provider,
    destroy() {
      // The provider does not own the doc: both go, or the doc's observers leak.
      provider.destroy();
      ydoc.destroy();
    },
  };
}
