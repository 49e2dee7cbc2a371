import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { SessionStore } from '../auth/SessionStore.js';
import { clientRoutes } from './clientRoutes.js';
import { apiNotFound, errorHandler } from './errorHandlers.js';
import type { TrustProxy } from './clientAddress.js';
import { nulReviver, refuseNulInAddress } from './refuseNul.js';
import { requireSignedIn, resolveSession, sameOriginWrites } from './sessionAuth.js';

/** The modules' routers, in the order they are tried; each module builds its own. */
export interface HttpAppOptions {
  clientDir: string;
  logger: Logger;
  sessions: SessionStore;
  /** Under /api before any session is looked at: health and readiness. */
  healthRoutes: Router[];
  /** Under /api with the session resolved but not required: signing in and out. */
  publicRoutes: Router[];
  /** Under /api for a signed-in user who has set their own password. */
  routes: Router[];
  /** Outside /api, before the client's files: `/metrics`. */
  rootRoutes: Router[];
  /** The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (req.ip, req.secure). */
  trustProxy: TrustProxy;
  /** Origins besides the app's own whose pages may write with the session cookie. */
  allowedOrigins: readonly string[];
}

// A year, as browsers' preload lists expect; not includeSubDomains: other hosts of an intranet
// domain may still serve plain http.
const HSTS = 'max-age=31536000';

/** Express: JSON API under /api, the client everywhere else. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.use(
    helmet({
      // Nothing from any other origin, ever: the app runs on intranets and its content is
      // sensitive. Inline style attributes are allowed for the editor's collaboration carets.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Sent below, only over HTTPS: on plain http it would be meaningless at best.
      strictTransportSecurity: false,
    }),
  );
  // req.secure: TLS to us, or X-Forwarded-Proto https from a trusted proxy (`trust proxy`).
  app.use((req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  });

  const api = express.Router();
  api.use(refuseNulInAddress);
  api.use(express.json({ limit: '1mb', reviver: nulReviver }));
  for (const router of options.healthRoutes) api.use(router);
  api.use(resolveSession(options.sessions));
  api.use(sameOriginWrites(options.allowedOrigins));
  for (const router of options.publicRoutes) api.use(router);
  // Every route added below needs a signed-in user who has set their own password.
  api.use(requireSignedIn);
  for (const router of options.routes) api.use(router);
  api.use(apiNotFound);
  app.use('/api', api);

  for (const router of options.rootRoutes) app.use(router);
  app.use(clientRoutes(options.clientDir));
  app.use(errorHandler(options.logger));
  return app;
}
