import { useCallback, useEffect, useState } from 'react';
import type { AdminUserView } from '../../../shared/auth/authSchemas.js';
import { listUsers } from '../../api/userAdminApi.js';

export interface UsersState {
  /** Null until the first answer; kept through a failed reload so the table does not vanish. */
  users: AdminUserView[] | null;
  error: unknown;
  reload(): void;
}

/** The account list, loaded on mount and again on reload(). */
export function useUsers(): UsersState {
  const [users, setUsers] = useState<AdminUserView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    listUsers(abort.signal).then(
      (loaded) => {
        if (abort.signal.aborted) return;
        setUsers(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (abort.signal.aborted) return;
        setError(failure);
      },
    );
    // Only the latest request may set the list (StrictMode and quick reloads).
    return () => abort.abort();
  }, [generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { users, error, reload };
}
