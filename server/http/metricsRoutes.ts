import { Router } from 'express';
import type { Registry } from 'prom-client';
import { HttpError } from './HttpError.js';

/**
 * `GET /metrics` in Prometheus' text format, beside `/api` as scrapers expect. With a token
 * configured, only a scraper that sends it as a bearer token gets an answer.
 */
export function metricsRoutes(registry: Registry, token: string | undefined): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token !== undefined && req.headers.authorization !== `Bearer ${token}`) {
      throw new HttpError(401, 'unauthenticated', 'metrics need the METRICS_TOKEN');
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
