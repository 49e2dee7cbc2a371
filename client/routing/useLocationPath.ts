import { useSyncExternalStore } from 'react';

// pushState fires no event of its own, so navigate() announces itself with this one.
const navigateEvent = 'shenghuohui:navigate';

/** Move to `path` inside the app without reloading the page. */
export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(navigateEvent));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigateEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigateEvent, onChange);
  };
}

/** The current `location.pathname`, re-rendering on back/forward and on navigate(). */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
