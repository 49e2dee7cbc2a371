import { DomainError } from '../../shared/errors/DomainError.js';
import { Router } from 'express';

export interface HealthInfo {
  version: string;
  startedAt: number;
  /**
   * What the instance needs, by name (`database`, `redis`): each resolves if it answers, and
   * readiness is false while any does not.
   */
  dependencies: Record<string, () => Promise<void>>;
}

// A dependency that takes longer than this to answer counts as unreachable.
const READY_TIMEOUT_MS = 2000;

/**
 * Without authentication, for load balancers and monitors: `GET /api/health` says the process
 * lives; `GET /api/ready` that it can serve (everything it needs answers), else 503.
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
    const entries = Object.entries(info.dependencies);
    const answers = await Promise.all(entries.map(([, check]) => answersInTime(check)));
    const down = entries.filter((_entry, i) => !answers[i]).map(([name]) => name);
    if (down.length === 0) {
      res.json({ status: 'ready', ...Object.fromEntries(entries.map(([name]) => [name, 'ok'])) });
      return;
    }
    throw new DomainError('not_ready', { names: down.join(', ') });
  });
  return router;
}

async function answersInTime(check: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
