import { z } from 'zod';

/** Filters and paging of `GET /api/audit` (and its CSV export), from the query string. */
export const auditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Entries with an id below this (the `nextBefore` of the previous page). */
    before: z.coerce.number().int().positive().optional(),
    /** An action or an action prefix, e.g. `login.` */
    action: z
      .string()
      .regex(/^[a-z.]{1,64}$/)
      .optional(),
    actorId: z.coerce.number().int().positive().optional(),
    /** Epoch ms, inclusive. */
    from: z.coerce.number().int().min(0).optional(),
    /** Epoch ms, exclusive. */
    to: z.coerce.number().int().min(0).optional(),
  })
  .strict();

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntryView {
  id: number;
  at: number;
  action: string;
  actorId: number | null;
  actorName: string | null;
  subject: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** The `before` of the next page; null when this page is the last. */
  nextBefore: number | null;
}
