import { Router } from 'express';

export interface HealthInfo {
  version: string;
  startedAt: number;
  /** Resolves if the database answers; readiness is false while it does not. */
  checkDatabase(): Promise<void>;
}

// A database that takes longer than this to answer `SELECT 1` counts as unreachable.
const READY_TIMEOUT_MS = 2000;

/**
 * Without authentication, for load balancers and monitors: `GET /api/health` says the process
 * lives; `GET /api/ready` that it can serve (its database answers), else 503.
 */
export function healthRoutes(info: HealthInfo): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      version: info.version,
      uptimeSeconds: Math.round((Date.now() - info.startedAt) / 1000),
    });
  });
  router.get('/ready', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([info.checkDatabase(), timeout]);
      res.json({ status: 'ready', database: 'ok' });
    } catch {
      res.status(503).json({
        error: { code: 'not_ready', message: '数据库无法访问 (the database does not answer)' },
      });
    } finally {
      clearTimeout(timer);
    }
  });
  return router;
}
