import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
}

function readPeers(provider: WebsocketProvider): Peer[] {
  const peers: Peer[] = [];
  provider.awareness.getStates().forEach((state, clientId) => {
    if (clientId === provider.awareness.clientID) return;
    // The caret extension publishes `{ user: { name, color } }`; anything else is not a person.
    const user: unknown = state['user'];
    if (typeof user !== 'object' || user === null) return;
    const { name, color } = user as Record<string, unknown>;
    if (typeof name !== 'string' || typeof color !== 'string') return;
    peers.push({ clientId, name, color });
  });
  return peers.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.clientId - b.clientId);
}

/** Everyone else who has this document open, from the provider's awareness. */
export function usePeers(provider: WebsocketProvider): Peer[] {
  const [peers, setPeers] = useState<Peer[]>(() => readPeers(provider));
  useEffect(() => {
    const update = () => setPeers(readPeers(provider));
    update();
    // `change` (not `update`) skips the 15-second keep-alive renewals that change nothing.
    provider.awareness.on('change', update);
    return () => provider.awareness.off('change', update);
  }, [provider]);
  return peers;
}
