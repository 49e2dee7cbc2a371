import { z } from 'zod';
import { documentNameSchema } from '../sync/documentName.js';

/** Why a version was saved: by the host, or by the server at a moment worth keeping. */
export const VERSION_KINDS = [
  'manual',
  'meeting-start',
  'meeting-close',
  'before-restore',
] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** The labels the server gives the versions it saves itself. */
export const AUTOMATIC_VERSION_LABELS: Readonly<Record<Exclude<VersionKind, 'manual'>, string>> = {
  'meeting-start': '会前定稿',
  'meeting-close': '会议结束',
  'before-restore': '恢复前自动保存',
};

export const VersionLimits = {
  maxLabelLength: 60,
} as const;

/** `POST /api/versions`: save the document as it is now, under a name. */
export const saveVersionSchema = z
  .object({
    document: documentNameSchema,
    label: z.string().trim().min(1).max(VersionLimits.maxLabelLength),
  })
  .strict();
export type SaveVersionRequest = z.infer<typeof saveVersionSchema>;

/** `GET /api/versions?document=…` */
export const listVersionsQuerySchema = z.object({ document: documentNameSchema });

export interface DocumentVersionView {
  id: number;
  document: string;
  label: string;
  kind: VersionKind;
  createdAt: number;
  /** Who saved it; null for the server's own. */
  createdBy: { id: number; displayName: string } | null;
}
