import { useCallback, useState } from 'react';
import { loadIdentity, saveIdentity, type Identity } from './identity.js';

/** The visitor's name and colour, remembered in localStorage. */
export function useIdentity(): [Identity, (next: Identity) => void] {
  const [identity, setIdentityState] = useState<Identity>(loadIdentity);
  const setIdentity = useCallback((next: Identity) => {
    setIdentityState(next);
    // A blank name is allowed while typing but not stored, so a reload brings back a real one.
    if (next.name.trim()) saveIdentity(next);
  }, []);
  return [identity, setIdentity];
}
