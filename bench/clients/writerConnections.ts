import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A real client with a Y.Doc, connected through the stock provider of its server. */
export interface WriterConnection {
  readonly text: Y.Text;
  /** Resolves after the provider's first sync with the server. */
  readonly synced: Promise<void>;
  /** Times the provider lost its socket (it reconnects by itself). */
  readonly disconnects: () => number;
  destroy(): void;
}

const TEXT_NAME = 'bench';

/** The unmodified y-websocket client, as the product's own client uses it. */
export function connectYWebsocketWriter(
  serverUrl: string,
  documentName: string,
  params: Record<string, string>,
): WriterConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, documentName, doc, {
    // ws's class is API-compatible with the browser WebSocket the provider is typed against.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  let disconnects = 0;
  provider.on('connection-close', () => {
    disconnects++;
  });
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  return {
    text: doc.getText(TEXT_NAME),
    synced,
    disconnects: () => disconnects,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** @hocuspocus/provider 4 with its own socket per writer, as a browser tab would have. */
export function connectHocuspocusWriter(
  url: string,
  documentName: string,
  token: string,
): WriterConnection {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  let disconnects = 0;
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => {
    resolveSynced = resolve;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    document: doc,
    token,
    onSynced: () => resolveSynced(),
    onDisconnect: () => {
      disconnects++;
    },
  });
  // With a shared websocketProvider the provider does not attach itself.
  provider.attach();
  return {
    text: doc.getText(TEXT_NAME),
    synced,
    disconnects: () => disconnects,
    destroy: () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
