import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { DomainError } from '../../shared/errors/DomainError.js';

/** The built client, with `index.html` for client routes such as `/meetings/3`. */
export function clientRoutes(clientDir: string): Router {
  const router = Router();
  const indexFile = path.join(clientDir, 'index.html');
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get('/{*path}', (_req, res, next) => {
    if (!existsSync(indexFile)) {
      next(new DomainError('client_not_built', { command: 'npm run build' }));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
