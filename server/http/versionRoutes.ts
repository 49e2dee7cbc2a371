import { Router } from 'express';
import {
  listVersionsQuerySchema,
  saveVersionSchema,
} from '../../shared/documents/versionSchemas.js';
import type { UserRow } from '../auth/Accounts.js';
import type { DocumentVersions } from '../documents/DocumentVersions.js';
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

  /** The caller's rights on a document; 404 for anyone who may not read it. */
  const rightsOn = async (user: UserRow, document: string) => {
    const rights = await deps.meetingAccess.documentRights(user, document);
    if (rights === 'unknown' || rights.access === 'none') throw NOT_FOUND;
    return rights;
  };
  /** Saving and restoring versions is the meeting's managers' (its hosts, the secretary). */
  const requireManager = (rights: Awaited<ReturnType<typeof rightsOn>>): void => {
    if (!rights.caller.canManage) {
      throw new DomainError('forbidden.versions_host_only');
    }
  };

  router.get('/versions', async (req, res) => {
    const { user } = requireAuth(res).session;
    const { document } = parseBody(listVersionsQuerySchema, req.query);
    await rightsOn(user, document);
    res.json({ versions: await deps.versions.list(document) });
  });

  router.post('/versions', async (req, res) => {
    const { user } = requireAuth(res).session;
    const { document, label } = parseBody(saveVersionSchema, req.body);
    requireManager(await rightsOn(user, document));
    res.status(201).json({ version: await deps.versions.save(document, label, 'manual', user.id) });
  });

  router.get('/versions/:id', async (req, res) => {
    const { user } = requireAuth(res).session;
    const found = await deps.versions.find(parseId(req.params.id));
    if (!found) throw NOT_FOUND;
    await rightsOn(user, found.version.document);
    res.json(found);
  });

  router.post('/versions/:id/restore', async (req, res) => {
    const { user } = requireAuth(res).session;
    const version = await deps.versions.describe(parseId(req.params.id));
    if (!version) throw NOT_FOUND;
    const rights = await rightsOn(user, version.document);
    requireManager(rights);
    if (rights.meeting.status === 'closed') {
      throw new DomainError('meeting_closed.read_only');
    }
    if (rights.access !== 'write') {
      throw new DomainError('forbidden.not_writable');
    }
    res.json({ version: await deps.versions.restore(version.id, user.id) });
  });

  return router;
}
