import { useEffect, useState } from 'react';

/** Same-origin scripts and styles this page has loaded (Vite's hashed output under /assets/). */
function loadedAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name, location.href))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
}

/** Asks the worker to keep `urls` (see `keep` in client/public/sw.js); resolves with its answer. */
function askToKeep(worker: ServiceWorker, urls: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<{ ok?: unknown }>) => {
      channel.port1.close();
      resolve(event.data.ok === true);
    };
    worker.postMessage({ type: 'keep', urls }, [channel.port2]);
  });
}

/**
 * Makes sure the service worker holds what reloading this page offline needs: the app shell,
 * the scripts this page loaded (some before the worker took control of the page, so it never
 * saw them) and the GET answers `answers`. True once the worker says it has them all. False
 * where there is no service worker (development, plain http), and until then.
 */
export function useOfflineReady(answers: readonly string[]): boolean {
  const key = answers.join('\n');
  const [readyKey, setReadyKey] = useState<string | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let current = true;
    void navigator.serviceWorker.ready.then(async (registration) => {
      const worker = registration.active;
      if (!worker || !current) return;
      const kept = await askToKeep(worker, [...key.split('\n'), ...loadedAssets()]);
      if (kept && current) setReadyKey(key);
    });
    return () => {
      current = false;
    };
  }, [key]);

  return readyKey === key;
}
