import { Router } from 'express';
import {
  listVersionsQuerySchema,
  saveVersionSchema,
} from '../../shared/documents/versionSchemas.js';
import type { User } from '../auth/Accounts.js';
import type { DocumentVersions } from '../documents/DocumentVersions.js';
import type { Action } from '../../shared/rights/rightsTable.js';
import type { MeetingAccess } from '../meetings/MeetingAccess.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseBody, parseId } from './parseInput.js';
import { requireAuth } from './sessionAuth.js';

const NOT_FOUND = new DomainError('not_found.document');

/** Named versions of documents: `/api/versions` (docs/api.md). */
export function versionRoutes(deps: {
  versions: DocumentVersions;
  meetingAccess: MeetingAccess;
}): Router {
  const router = Router();

  /** The document if the caller may `action` it; 404 for one they may not know of. */
  const allowed = (user: User, document: string, action: Action) =>
    deps.meetingAccess.requireDocument(user, document, action, {
      forbidden:
        action === 'version.save' || action === 'version.restore'
          ? 'forbidden.versions_host_only'
          : undefined,
    });

  router.get('/versions', async (req, res) => {
    const { user } = requireAuth(res).session;
    const { document } = parseBody(listVersionsQuerySchema, req.query);
    await allowed(user, document, 'version.read');
    res.json({ versions: await deps.versions.list(document) });
  });

  router.post('/versions', async (req, res) => {
    const { user } = requireAuth(res).session;
    const { document, label } = parseBody(saveVersionSchema, req.body);
    await allowed(user, document, 'version.save');
    res.status(201).json({ version: await deps.versions.save(document, label, 'manual', user.id) });
  });

  router.get('/versions/:id', async (req, res) => {
    const { user } = requireAuth(res).session;
    const found = await deps.versions.find(parseId(req.params.id));
    if (!found) throw NOT_FOUND;
    await allowed(user, found.version.document, 'version.read');
    res.json(found);
  });

  router.post('/versions/:id/restore', async (req, res) => {
    const { user } = requireAuth(res).session;
    const version = await deps.versions.describe(parseId(req.params.id));
    if (!version) throw NOT_FOUND;
    await allowed(user, version.document, 'version.restore');
    res.json({ version: await deps.versions.restore(version.id, user.id) });
  });

  return router;
}
