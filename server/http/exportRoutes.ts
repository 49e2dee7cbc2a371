import { Router } from 'express';
import {
  exportDocumentQuerySchema,
  meetingExportFileSchema,
} from '../../shared/export/exportSchemas.js';
import type { MeetingExports } from '../export/MeetingExports.js';
import { requestAddress } from './clientAddress.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseBody, parseId } from './parseInput.js';
import { sendExportedFile as send } from './sendExportedFile.js';
import { requireAuth } from './sessionAuth.js';

/** `GET /api/meetings/:id/export/<file>`: minutes, report, ledger and materials as files (docs/api.md, "Exports"). */
export function exportRoutes(deps: { meetingExports: MeetingExports }): Router {
  const router = Router();

  router.get('/meetings/:id/export/:file', async (req, res) => {
    const { user } = requireAuth(res).session;
    const meetingId = parseId(req.params.id);
    const file = meetingExportFileSchema.safeParse(req.params.file);
    if (!file.success) {
      throw new DomainError('not_found.route', { route: `GET ${req.baseUrl}${req.path}` });
    }
    const ip = requestAddress(req);
    if (file.data === 'document.docx') {
      const { document } = parseBody(exportDocumentQuerySchema, req.query);
      send(res, await deps.meetingExports.documentFile(user, meetingId, document, ip));
    } else {
      send(res, await deps.meetingExports.meetingFile(user, meetingId, file.data, ip));
    }
  });

  return router;
}
