import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Branches } from '../branches/Branches.js';
import type { Meetings } from '../meetings/Meetings.js';
import type { MeetingAccess } from '../meetings/MeetingAccess.js';
import type { MeetingService } from '../meetings/MeetingService.js';
import type { MeetingTemplates } from '../meetings/MeetingTemplates.js';
import type { AppraisalService } from '../appraisal/AppraisalService.js';
import type { DocumentVersions } from '../documents/DocumentVersions.js';
import type { MeetingExports } from '../export/MeetingExports.js';
import type { ServerDocuments } from '../documents/ServerDocuments.js';
import type { ModerationService } from '../moderation/ModerationService.js';
import type { RectificationProposalService } from '../rectifications/RectificationProposalService.js';
import type { RectificationService } from '../rectifications/RectificationService.js';
import { auditRoutes } from './auditRoutes.js';
import { authRoutes, type AuthRouteDeps } from './authRoutes.js';
import { branchRoutes } from './branchRoutes.js';
import { clientRoutes } from './clientRoutes.js';
import { apiNotFound, errorHandler } from './errorHandlers.js';
import { exportRoutes } from './exportRoutes.js';
import type { TrustProxy } from './clientAddress.js';
import { healthRoutes, type HealthInfo } from './healthRoutes.js';
import { importRoutes } from './importRoutes.js';
import { meetingRoutes } from './meetingRoutes.js';
import { metricsRoutes } from './metricsRoutes.js';
import { appraisalRoutes } from './appraisalRoutes.js';
import { nulReviver, refuseNulInAddress } from './refuseNul.js';
import { rectificationRoutes } from './rectificationRoutes.js';
import { speechRoutes } from './speechRoutes.js';
import { versionRoutes } from './versionRoutes.js';
import { requireSignedIn, resolveSession, sameOriginWrites } from './sessionAuth.js';
import { templateRoutes } from './templateRoutes.js';
import { userRoutes } from './userRoutes.js';

export interface HttpAppOptions extends HealthInfo {
  clientDir: string;
  logger: Logger;
  auth: AuthRouteDeps;
  branches: Branches;
  meetings: Meetings;
  meetingService: MeetingService;
  meetingAccess: MeetingAccess;
  templates: MeetingTemplates;
  moderation: ModerationService;
  appraisal: AppraisalService;
  versions: DocumentVersions;
  rectifications: RectificationService;
  rectificationProposals: RectificationProposalService;
  meetingExports: MeetingExports;
  /** The server's own writes into documents (imports). */
  documents: ServerDocuments;
  /** The meetings' time zone (MEETING_TIME_ZONE): the days written into files. */
  meetingTimeZone: string;
  metrics: Registry;
  metricsToken: string | undefined;
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
  api.use(healthRoutes(options));
  api.use(resolveSession(options.auth.sessions));
  api.use(sameOriginWrites(options.allowedOrigins));
  api.use(authRoutes(options.auth));
  // Every route added below needs a signed-in user who has set their own password.
  api.use(requireSignedIn);
  api.use(userRoutes(options.auth));
  api.use(auditRoutes(options.auth.audit));
  api.use(branchRoutes({ ...options.auth, ...options }));
  api.use(templateRoutes({ ...options.auth, ...options }));
  api.use(meetingRoutes({ ...options.auth, ...options }));
  api.use(speechRoutes(options));
  api.use(appraisalRoutes(options));
  api.use(versionRoutes(options));
  api.use(rectificationRoutes(options));
  api.use(exportRoutes(options));
  api.use(importRoutes({ ...options, audit: options.auth.audit }));
  api.use(apiNotFound);
  app.use('/api', api);

  app.use(metricsRoutes(options.metrics, options.metricsToken, options.trustProxy));
  app.use(clientRoutes(options.clientDir));
  app.use(errorHandler(options.logger));
  return app;
}
