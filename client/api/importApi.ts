import type { ZodType } from 'zod';
import {
  importExtractResponseSchema,
  importPreviewResponseSchema,
  importResponseSchema,
  type ImportExtractResponse,
  type ImportRequest,
  type ImportResponse,
} from '../../shared/import/importSchemas.js';
import type { ParsedOutline } from '../../shared/import/outlineTypes.js';
import type { CreateProposalsRequest } from '../../shared/rectifications/rectificationSchemas.js';
import type { RectificationProposalView } from '../../shared/rectifications/rectificationViews.js';
import { ApiError, badResponseCode } from './ApiError.js';
import { requestJson } from './requestJson.js';

// The outline drives what the dialog shows and what is written: an answer of another shape (an
// older server, a proxy's page) is refused here rather than drawn half-way.
function checked<T>(schema: ZodType<T>, answer: unknown): T {
  const result = schema.safeParse(answer);
  if (!result.success) throw new ApiError(200, badResponseCode, 'unexpected answer');
  return result.data;
}

/** Reads a .docx, .txt or .md file on the server into text and its outline; writes nothing. */
export async function extractImportFile(
  meetingId: number,
  file: Blob,
  fileName: string,
  signal?: AbortSignal,
): Promise<ImportExtractResponse> {
  const answer = await requestJson<unknown>(`/api/meetings/${meetingId}/import/extract`, {
    method: 'POST',
    body: file,
    // Headers carry only Latin-1; the server decodes the name.
    headers: { 'x-file-name': encodeURIComponent(fileName) },
    signal,
  });
  return checked(importExtractResponseSchema, answer);
}

/** The outline of pasted (or corrected) text, as the import would write it; writes nothing. */
export async function previewImport(
  meetingId: number,
  text: string,
  signal?: AbortSignal,
): Promise<ParsedOutline> {
  const answer = await requestJson<unknown>(`/api/meetings/${meetingId}/import/preview`, {
    method: 'POST',
    body: { text },
    signal,
  });
  return checked(importPreviewResponseSchema, answer).outline;
}

/** Writes the text into the live document; every open editor receives it. */
export async function importIntoDocument(
  meetingId: number,
  request: ImportRequest,
): Promise<ImportResponse> {
  const answer = await requestJson<unknown>(`/api/meetings/${meetingId}/import`, {
    method: 'POST',
    body: request,
  });
  return checked(importResponseSchema, answer);
}

/** Offers measures of an imported material to the meeting's managers as rectification items. */
export async function proposeRectifications(
  meetingId: number,
  request: CreateProposalsRequest,
): Promise<RectificationProposalView[]> {
  const { proposals } = await requestJson<{ proposals: RectificationProposalView[] }>(
    `/api/meetings/${meetingId}/rectification-proposals`,
    { method: 'POST', body: request },
  );
  return proposals;
}
