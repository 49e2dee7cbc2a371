import { useCallback, useMemo, useState } from 'react';
import type { PublicUser } from '../../../shared/auth/authSchemas.js';
import { loadColour, saveColour, type Identity } from './identity.js';

/**
 * How the signed-in user appears to others: the display name from their account and the colour
 * they chose, remembered per user in localStorage. The identity object is stable between
 * renders, so the editor does not re-announce it to everyone on every render.
 */
export function useIdentity(user: PublicUser): [Identity, (colour: string) => void] {
  // Read once: the signed-in part of the app is keyed by account, so `user.id` is fixed here.
  const [colour, setColourState] = useState(() => loadColour(user.id));
  const identity = useMemo(
    () => ({ name: user.displayName, color: colour }),
    [user.displayName, colour],
  );
  const setColour = useCallback(
    (next: string) => {
      setColourState(next);
      saveColour(user.id, next);
    },
    [user.id],
  );
  return [identity, setColour];
}
