import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface Resource<T> {
  /** Null until the first answer; kept through a failed reload so the page does not blank. */
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Puts a fresher copy in place, e.g. the answer to a change the page just made. */
  set(data: T): void;
}

/**
 * Loads with `load` on mount, whenever `key` changes and on reload(); only the latest request
 * may set the result (StrictMode and quick reloads). `key` names what is loaded: `load` itself
 * may be a new function on every render.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> {
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const [state, setState] = useState<{ key: string; data: T | null }>({ key, data: null });
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    loadRef.current(abort.signal).then(
      (data) => {
        if (abort.signal.aborted) return;
        setState({ key, data });
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (abort.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => abort.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ key, data }), [key]);
  // Never hand out what was loaded for another key.
  return { data: state.key === key ? state.data : null, error, loading, reload, set };
}
