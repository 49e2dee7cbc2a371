import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import proxyAddr from 'proxy-addr';

/** Whether the hop at `address` is a proxy of ours, whose X-Forwarded-For may be believed. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** `TRUST_PROXY`'s list (addresses, subnets, loopback, uniquelocal…); empty trusts nobody. */
export function compileTrustProxy(list: readonly string[]): TrustProxy {
  return list.length > 0 ? proxyAddr.compile([...list]) : () => false;
}

/**
 * The client's address: the peer's, or behind trusted proxies (nginx) the first address in
 * X-Forwarded-For that none of them added. Sign-in throttling and the audit log key on it.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(req, trust);
}

/** The same for an Express request, whose app holds the trust (`trust proxy`). */
export function requestAddress(req: Request): string {
  return req.ip ?? 'unknown';
}
