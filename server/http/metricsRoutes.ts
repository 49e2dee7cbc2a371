import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Registry } from 'prom-client';
import { compileTrustProxy, type TrustProxy } from './clientAddress.js';
import { DomainError } from '../../shared/errors/DomainError.js';

const isLoopback = compileTrustProxy(['loopback']);

/**
 * `GET /metrics` in Prometheus' text format, beside `/api` as scrapers expect. With a token
 * configured, only a scraper that sends it as a bearer token gets an answer, from anywhere;
 * without one, only a scraper on this machine (the metrics tell outsiders about the load).
 */
export function metricsRoutes(
  registry: Registry,
  token: string | undefined,
  trustProxy: TrustProxy,
): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token !== undefined) {
      if (!bearerMatches(req.headers.authorization, token)) {
        throw new DomainError('unauthenticated.metrics', { variable: 'METRICS_TOKEN' });
      }
    } else if (!fromThisMachine(req, trustProxy)) {
      throw new DomainError('forbidden.metrics_local_only', { variable: 'METRICS_TOKEN' });
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}

/**
 * The peer is on loopback and so is the client it speaks for: a request that a proxy on this
 * machine forwards from elsewhere does not count, nor one whose forwarding headers come from a
 * proxy we do not trust (we cannot tell where it came from).
 */
function fromThisMachine(req: Request, trustProxy: TrustProxy): boolean {
  const peer = req.socket.remoteAddress ?? '';
  if (!isLoopback(peer, 0)) return false;
  const forwarded =
    req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  if (!forwarded) return true;
  // req.ip is the address trusted proxies forwarded for: the client's, not the proxy's.
  return trustProxy(peer, 0) && isLoopback(req.ip ?? '', 0);
}

/** Compared as hashes in constant time: the answer's timing tells nothing about the token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${token}`));
}
