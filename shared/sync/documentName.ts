import { z } from 'zod';
import { SyncLimits } from './syncLimits.js';

/** Path segments of letters, digits, `_` and `-`, joined by `/` (e.g. `m/42/self/7`). */
export const documentNameSchema = z
  .string()
  .min(1)
  .max(SyncLimits.maxDocumentNameLength)
  .regex(/^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/, 'invalid document name');

export type DocumentName = z.infer<typeof documentNameSchema>;

/** The URL path prefix of the sync channel; the document name follows it. */
export const SYNC_PATH_PREFIX = '/yjs/';
