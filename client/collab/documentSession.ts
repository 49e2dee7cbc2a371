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
