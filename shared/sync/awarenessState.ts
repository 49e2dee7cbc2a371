import { z } from 'zod';

/** A caret colour as the clients send it (`#rgb` to `#rrggbbaa`); anything else is left out. */
export const awarenessColourSchema = z.string().regex(/^#[0-9a-fA-F]{3,8}$/);

/**
 * One client's awareness state: a JSON object (the caret extension's `{ user, cursor }`), or
 * null when the client left. Its fields are the client's own, except `user`, which the server
 * fills from the session.
 */
export const awarenessStateSchema = z.record(z.string(), z.unknown()).nullable();

export type AwarenessState = z.infer<typeof awarenessStateSchema>;

/** The `user` of a state as the server relays it: the session's name and id, the client's colour. */
export interface AwarenessUser {
  name: string;
  /** The user's id, as the sync principal gives it. */
  id: string;
  color?: string;
}
