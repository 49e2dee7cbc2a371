import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicUser } from '../../../shared/auth/authSchemas.js';
import { ApiError, networkErrorCode } from '../../api/ApiError.js';
import { fetchCurrentUser, signOut as requestSignOut } from '../../api/authApi.js';
import { subscribeSessionLost } from '../../api/sessionLost.js';
import { forgetOfflineData } from '../../offline/forgetOfflineData.js';
import { navigate } from '../../routing/useLocationPath.js';

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'signedOut' }
  | { phase: 'signedIn'; user: PublicUser }
  /** `/api/auth/me` gave neither a user nor a 401: the server is down or broken. */
  | { phase: 'unavailable'; error: ApiError };

export interface Session {
  state: SessionState;
  /** After sign-in or a password change: the server's new view of the user. */
  setUser(user: PublicUser): void;
  /** Ends the session on the server; rejects (staying signed in) if the server did not answer. */
  signOut(): Promise<void>;
  /** Asks the server again (the unavailable page's retry). */
  refresh(): void;
}

/**
 * Who is signed in, as the server says: asked once on load, on refresh(), and whenever a
 * request or the sync channel reports the session lost (see api/sessionLost.ts).
 */
export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);
  // The question in flight: a newer fact (signed in, signed out) makes its answer stale.
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    pending.current = abort;
    fetchCurrentUser(abort.signal).then(
      (user) => {
        if (!abort.signal.aborted) setState({ phase: 'signedIn', user });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ phase: 'signedOut' });
        else setState({ phase: 'unavailable', error: asApiError(error) });
      },
    );
    // StrictMode runs this twice; only the last answer may set the state.
    return () => abort.abort();
  }, [generation]);

  const setUser = useCallback((user: PublicUser) => {
    pending.current?.abort();
    setState({ phase: 'signedIn', user });
  }, []);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);

  // Only a signed-in page can lose its session; the question itself never reports a loss.
  const signedIn = state.phase === 'signedIn';
  useEffect(() => (signedIn ? subscribeSessionLost(refresh) : undefined), [signedIn, refresh]);

  const signedInId = signedIn ? state.user.id : null;
  const signOut = useCallback(async () => {
    try {
      await requestSignOut();
    } catch (error) {
      // Already signed out (expired, or out in another tab) is what was wanted.
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    // Not awaited: an open document's copy is deleted once its page has unmounted.
    if (signedInId !== null) void forgetOfflineData(signedInId);
    pending.current?.abort();
    setState({ phase: 'signedOut' });
    // The next person to sign in starts at home, not in the last one's document.
    navigate('/');
  }, [signedInId]);

  return { state, setUser, signOut, refresh };
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, networkErrorCode, String(error));
}
