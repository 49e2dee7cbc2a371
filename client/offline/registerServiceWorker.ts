/** The worker's address; its scope is the whole app. Built from client/public/sw.js. */
const workerUrl = '/sw.js';

/**
 * Registers the app's own service worker (client/public/sw.js), which lets a page reloaded
 * without the network open from a cache. Service workers need a secure context: on a plain-http
 * address other than localhost the browser has none, and pages reload online only (the
 * documents' local copies still keep unsynced edits, in IndexedDB).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(workerUrl).catch(() => {
    // Not fatal: everything works online without it.
  });
}
