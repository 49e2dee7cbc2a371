import type { Router } from 'express';
import { sql } from 'kysely';
import type { Fanout } from '../fanout/Fanout.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { healthRoutes } from '../http/healthRoutes.js';
import { metricsRoutes } from '../http/metricsRoutes.js';
import type { ModuleContext } from '../ModuleContext.js';
import { AppMetrics, type MetricSources } from './AppMetrics.js';

/**
 * What monitors read: `/metrics` for Prometheus (it counts moderation commands from
 * `commandHandled`), liveness and readiness.
 */
export function metricsModule(
  { db, events, config, trustProxy }: ModuleContext,
  deps: MetricSources & { fanout: Fanout },
) {
  const { fanout } = deps;
  const metrics = new AppMetrics(deps);
  events.on(DomainEvent.commandHandled, ({ result }) => metrics.command(result));
  const ready = { database: async () => void (await sql`SELECT 1`.execute(db)) };
  const dependencies = config.redisUrl ? { ...ready, redis: () => fanout.check() } : ready;
  return {
    metrics,
    /** `/api/health` and `/api/ready`, before any session is looked at. */
    healthRoutes: [
      healthRoutes({ version: config.version, startedAt: Date.now(), dependencies }),
    ] as Router[],
    /** Outside `/api`: scrapers carry a token, not a session. */
    rootRoutes: [metricsRoutes(metrics.registry, config.metricsToken, trustProxy)] as Router[],
  };
}
