import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { clientRoutes } from './clientRoutes.js';
import { apiNotFound, errorHandler } from './errorHandlers.js';
import { healthRoutes, type HealthInfo } from './healthRoutes.js';

export interface HttpAppOptions extends HealthInfo {
  clientDir: string;
  logger: Logger;
}

/** Express: JSON API under /api, the client everywhere else. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(healthRoutes(options));
  api.use(apiNotFound);
  app.use('/api', api);

  app.use(clientRoutes(options.clientDir));
  app.use(errorHandler(options.logger));
  return app;
}
