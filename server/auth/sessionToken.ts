import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE } from '../../shared/auth/authSchemas.js';

export type TokenSource = 'bearer' | 'query' | 'cookie';

/**
 * The session token a request carries: `Authorization: Bearer`, then (where allowed, for
 * WebSocket clients that cannot set headers) `?token=`, then the session cookie.
 */
export function sessionToken(
  req: IncomingMessage,
  allowQuery = false,
): { token: string; source: TokenSource } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), source: 'bearer' };
  if (allowQuery) {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
    if (query) return { token: query, source: 'query' };
  }
  const cookie = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
  return cookie ? { token: cookie, source: 'cookie' } : null;
}
