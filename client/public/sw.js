/**
 * 生活会协作台's own service worker: lets a page reloaded without the network open again, from
 * what it keeps. Vite copies this file as is into dist/client; the app registers it from
 * main.tsx in production builds only. Plain JavaScript, no imports: it must work on its own.
 *
 * - Scripts and styles under /assets/ (file names carry a content hash): cache first.
 * - Navigations to app pages: network first, the kept index.html when the network fails. The
 *   server answers every client route with that same file, so one copy serves them all.
 * - Exactly the GET answers in OFFLINE_ANSWERS: network first, the kept answer when the network
 *   fails. Nothing else under /api, and nothing but GET, is ever kept.
 *
 * The documents themselves are kept by the page, in IndexedDB (y-indexeddb).
 */

// The page deletes the API caches by their `shenghuohui-api` prefix on sign-out
// (client/offline/offlineAnswers.ts). A new version number drops what older workers kept.
const SHELL_CACHE = 'shenghuohui-shell-v1';
const API_CACHE = 'shenghuohui-api-v1';
const OUR_PREFIX = 'shenghuohui-';
const SHELL_KEY = '/';
const ASSETS = '/assets/';
/** What a document page needs (client/offline/offlineAnswers.ts): the session and the meeting. */
const OFFLINE_ANSWERS = [/^\/api\/auth\/me$/, /^\/api\/meetings\/[1-9][0-9]{0,14}$/];
/** Paths that are not the app's pages: downloads, the metrics, the sockets. */
const NOT_PAGES = /^\/(api|metrics|yjs|socket\.io)(\/|$)/;
/** A reverse proxy's answers while the Node server behind it is down: as good as no network. */
const GATEWAY_FAILURES = [502, 503, 504];

self.addEventListener('install', (event) => {
  // Keep the shell at once: the first visit's page loaded before this worker existed. Without
  // the network now, the next navigation stores it instead.
  event.waitUntil(refreshShell().catch(() => undefined));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const stale = names.filter(
        (name) => name.startsWith(OUR_PREFIX) && name !== SHELL_CACHE && name !== API_CACHE,
      );
      await Promise.all(stale.map((name) => caches.delete(name)));
      // Take the open pages over now, so that what they load from here on is kept.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (!NOT_PAGES.test(url.pathname)) event.respondWith(page(event));
  } else if (url.pathname.startsWith(ASSETS)) {
    event.respondWith(asset(request));
  } else if (isOfflineAnswer(url)) {
    event.respondWith(answer(request));
  }
});

// `{ type: 'keep', urls }` from a page (client/offline/useOfflineReady.ts), answered on the
// message's port with `{ ok }`: whether the shell and every one of `urls` are kept now.
self.addEventListener('message', (event) => {
  const port = event.ports[0];
  const data = event.data;
  if (!port || typeof data !== 'object' || data === null || data.type !== 'keep') return;
  const urls = Array.isArray(data.urls) ? data.urls.filter((url) => typeof url === 'string') : [];
  event.waitUntil(
    keep(urls).then(
      (ok) => port.postMessage({ ok }),
      () => port.postMessage({ ok: false }),
    ),
  );
});

function isOfflineAnswer(url) {
  return url.search === '' && OFFLINE_ANSWERS.some((pattern) => pattern.test(url.pathname));
}

function isHtml(response) {
  return (response.headers.get('content-type') ?? '').startsWith('text/html');
}

async function page(event) {
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const shell = await keptShell();
    if (shell) return shell;
    throw error;
  }
  if (response.ok && isHtml(response)) {
    // Stored after the page has its answer: a first visit must not wait for the assets.
    event.waitUntil(storeShell(response.clone()).catch(() => undefined));
  } else if (GATEWAY_FAILURES.includes(response.status)) {
    return (await keptShell()) ?? response;
  }
  return response;
}

async function asset(request) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function answer(request) {
  const cache = await caches.open(API_CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
  if (response.ok) {
    await cache.put(request, response.clone());
  } else if (response.status === 401) {
    // The session is over: nothing read under it stays in this browser.
    await caches.delete(API_CACHE);
  } else if (GATEWAY_FAILURES.includes(response.status)) {
    return (await cache.match(request)) ?? response;
  } else {
    // Refused or gone now (403, 404): never show the old answer offline.
    await cache.delete(request);
  }
  return response;
}

async function keptShell() {
  const cache = await caches.open(SHELL_CACHE);
  return cache.match(SHELL_KEY);
}

async function refreshShell() {
  const response = await fetch(SHELL_KEY, { cache: 'no-cache' });
  if (response.ok && isHtml(response)) await storeShell(response);
}

/** The scripts and styles index.html loads itself (lazy chunks are kept as they load). */
function assetsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"?#]+)"/g)) found.add(match[1]);
  return [...found];
}

/**
 * Keeps a fresh index.html with the assets it names, those first: a shell whose scripts are
 * missing would be a blank page offline. When the shell changed (a new build), assets it no
 * longer names are dropped, so old builds do not pile up; lazy chunks still in use come back
 * as pages load them.
 */
async function storeShell(response) {
  const cache = await caches.open(SHELL_CACHE);
  const html = await response.clone().text();
  const previous = await cache.match(SHELL_KEY);
  const previousHtml = previous ? await previous.text() : null;
  const assets = assetsOf(html);
  const missing = [];
  for (const path of assets) if (!(await cache.match(path))) missing.push(path);
  await cache.addAll(missing);
  await cache.put(SHELL_KEY, response);
  if (previousHtml === null || previousHtml === html) return;
  const named = new Set(assets);
  for (const key of await cache.keys()) {
    const path = new URL(key.url).pathname;
    if (path.startsWith(ASSETS) && !named.has(path)) await cache.delete(key);
  }
}

async function keep(urls) {
  if (!(await keptShell())) await refreshShell();
  const results = await Promise.all(
    urls.map(async (href) => {
      const url = new URL(href, self.location.origin);
      try {
        if (url.origin !== self.location.origin) return false;
        if (url.pathname.startsWith(ASSETS)) return (await asset(new Request(url))).ok;
        if (isOfflineAnswer(url)) return (await answer(new Request(url))).ok;
      } catch {
        return false;
      }
      return false;
    }),
  );
  return Boolean(await keptShell()) && results.every(Boolean);
}
