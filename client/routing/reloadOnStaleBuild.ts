/** sessionStorage key: when this tab last reloaded for code it could not fetch. */
const reloadedAtKey = 'shenghuohui:staleBuildReloadAt';

/** A failure this soon after such a reload is not a new build: reloading again would loop. */
const RETRY_AFTER_MS = 60_000;

function lastReload(): number {
  try {
    return Number(sessionStorage.getItem(reloadedAtKey) ?? 0);
  } catch {
    // Storage refused (a locked-down browser): assume a reload just happened, never loop.
    return Date.now();
  }
}

/**
 * Pages such as a document or the moderator panel fetch their code when first opened. Once a
 * new build is deployed, an app opened before asks for chunk files whose names (content
 * hashes) are gone, and Vite reports `vite:preloadError`: reloading fetches the new
 * index.html with its chunks, where the page opens. Not while offline, where the reload
 * cannot help, and once a minute at most, so that code that cannot be had does not reload
 * the page forever.
 */
export function reloadOnStaleBuild(): void {
  window.addEventListener('vite:preloadError', () => {
    if (!navigator.onLine || Date.now() - lastReload() < RETRY_AFTER_MS) return;
    try {
      sessionStorage.setItem(reloadedAtKey, String(Date.now()));
    } catch {
      return;
    }
    location.reload();
  });
}
