/** Announced on `window` when the server says the session is gone (HTTP 401, sync close 4401). */
export const SESSION_LOST_EVENT = 'shenghuohui:session-lost';

/** Tells whoever keeps the session (useSession) to ask the server who is signed in now. */
export function reportSessionLost(): void {
  window.dispatchEvent(new CustomEvent(SESSION_LOST_EVENT));
}

/** Calls `listener` on every report; returns the unsubscribe function. */
export function subscribeSessionLost(listener: () => void): () => void {
  window.addEventListener(SESSION_LOST_EVENT, listener);
  return () => window.removeEventListener(SESSION_LOST_EVENT, listener);
}
