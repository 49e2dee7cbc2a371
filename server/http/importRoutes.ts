import express, { Router, type Request, type Response } from 'express';
import { ImportLimits } from '../../shared/import/importLimits.js';
import {
  importFileNameSchema,
  importPreviewRequestSchema,
  importRequestSchema,
  type ImportExtractResponse,
  type ImportPreviewResponse,
} from '../../shared/import/importSchemas.js';
import { parseOutline } from '../../shared/import/parseOutline.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { DocumentVersions } from '../documents/DocumentVersions.js';
import type { ServerDocuments } from '../documents/ServerDocuments.js';
import { ImportWriter } from '../import/ImportWriter.js';
import { fileTooLarge, importExtension } from '../import/readUpload.js';
import { UploadParser } from '../import/UploadParser.js';
import type { MeetingAccess } from '../meetings/MeetingAccess.js';
import type { Meetings } from '../meetings/Meetings.js';
import { requestAddress } from './clientAddress.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseBody, parseId } from './parseInput.js';
import { requireAuth } from './sessionAuth.js';

export interface ImportRouteDeps {
  meetings: Meetings;
  meetingAccess: MeetingAccess;
  versions: DocumentVersions;
  documents: ServerDocuments;
  audit: AuditLog;
}

/** Importing files and pasted text into a meeting's documents (docs/api.md, "Import"). */
export function importRoutes(deps: ImportRouteDeps): Router {
  const router = Router();
  const writer = new ImportWriter(deps);
  const parser = new UploadParser();
  // Any content type: browsers label .md and .docx uploads inconsistently. No gzip, so the
  // size limit is the size of what arrives.
  const rawBody = express.raw({
    limit: ImportLimits.maxFileBytes,
    type: () => true,
    inflate: false,
  });

  /** Reads the upload only once the caller and the file's type have passed. */
  const readFile = (req: Request, res: Response): Promise<Uint8Array> =>
    new Promise((resolve, reject) => {
      rawBody(req, res, (err?: unknown) => {
        if (err) return reject(isTooLarge(err) ? fileTooLarge() : err);
        const body: unknown = req.body;
        if (body === undefined) return resolve(new Uint8Array());
        if (Buffer.isBuffer(body)) return resolve(body);
        // express.json took it: the file was sent as JSON rather than as itself.
        reject(new DomainError('unsupported_file_type.json'));
      });
    });

  /** Parsing is for the people in the meeting: 404 if they may not see it, 403 if they only see it. */
  const readableMeeting = async (req: Request, res: Response): Promise<void> => {
    const { user } = requireAuth(res).session;
    await deps.meetingAccess.require(parseId(req.params.id), user, 'import.parse');
  };

  router.post('/meetings/:id/import/extract', async (req, res) => {
    await readableMeeting(req, res);
    const { user } = requireAuth(res).session;
    const fileName = fileNameOf(req);
    importExtension(fileName);
    const text = await parser.read(user.id, fileName, await readFile(req, res));
    res.json({ text, outline: parseOutline(text) } satisfies ImportExtractResponse);
  });

  router.post('/meetings/:id/import/preview', async (req, res) => {
    await readableMeeting(req, res);
    const { text } = parseBody(importPreviewRequestSchema, req.body);
    res.json({ outline: parseOutline(text) } satisfies ImportPreviewResponse);
  });

  router.post('/meetings/:id/import', async (req, res) => {
    const { user } = requireAuth(res).session;
    const meetingId = parseId(req.params.id);
    const request = parseBody(importRequestSchema, req.body);
    res.json(await writer.write(user, meetingId, request, requestAddress(req)));
  });

  return router;
}

/** `X-File-Name`, percent-encoded UTF-8 (headers carry only Latin-1). */
function fileNameOf(req: Request): string {
  const header = req.get('x-file-name');
  let decoded: string | undefined;
  try {
    decoded = header === undefined ? undefined : decodeURIComponent(header);
  } catch {
    throw new DomainError('invalid_request.file_name');
  }
  if (decoded === undefined) {
    throw new DomainError('invalid_request.file_name');
  }
  return parseBody(importFileNameSchema, decoded);
}

function isTooLarge(err: unknown): boolean {
  return (err as { type?: unknown }).type === 'entity.too.large';
}
