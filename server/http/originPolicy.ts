import type { IncomingMessage } from 'node:http';

/**
 * The one rule, for REST writes, sync upgrades and socket.io handshakes alike, on whether a
 * request that may ride on the session cookie comes from a page of ours: its Origin (or Referer)
 * names this host or one of `ALLOWED_ORIGINS`. SameSite=Lax does not keep out pages of the same
 * site (another port, another subdomain), so the cookie alone proves nothing. Without Origin and
 * Referer, only a request without a cookie passes: a client presenting its token itself, which
 * no foreign page can. Callers skip the check for requests authenticated by such a token.
 */
export function isTrustedOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (source === undefined) return !req.headers.cookie;
  const url = parseUrl(source);
  if (url === null) return false;
  return url.host === req.headers.host || allowedOrigins.includes(url.origin);
}

/** `ALLOWED_ORIGINS`' entries as origins (`https://host[:port]`), or null if one is not a URL. */
export function normalizeOrigins(list: readonly string[]): string[] | null {
  const origins = list.map((entry) => parseUrl(entry));
  if (origins.some((url) => url === null || !/^https?:$/.test(url.protocol))) return null;
  return origins.map((url) => url!.origin);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
