import type { WebsocketProvider } from 'y-websocket';

/**
 * Restarts the provider's socket when the browser says the network went or came back.
 *
 * Going offline: a socket that was open stays "open" with its frames held (Chromium), so edits
 * would look sent until the provider's 30-second silence check gives up on it. Dropping it at
 * once makes the state honest; the attempts that follow fail fast and the edits wait in the
 * document and its local copy. Only the socket is dropped, never the wish to be connected: a
 * server on this very computer (a demo laptop with no network) still answers the next attempt.
 *
 * Coming back: the provider may be waiting out its back-off; reconnecting at once syncs sooner.
 * Returns the function that stops following.
 */
export function followBrowserNetwork(provider: WebsocketProvider): () => void {
  const restart = () => {
    // Not after the server refused the document for good (44xx): that stays refused.
    if (!provider.shouldConnect) return;
    provider.disconnect();
    provider.connect();
  };
  const onOffline = () => restart();
  const onOnline = () => {
    if (!provider.wsconnected) restart();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  return () => {
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
  };
}
