import { Router } from 'express';

export interface HealthInfo {
  version: string;
  startedAt: number;
}

/** `GET /api/health`: answers without authentication, for load balancers and monitors. */
export function healthRoutes(info: HealthInfo): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      version: info.version,
      uptimeSeconds: Math.round((Date.now() - info.startedAt) / 1000),
    });
  });
  return router;
}
