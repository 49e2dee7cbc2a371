import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/DatabaseSchema.js';

export interface AuditEntry {
  action: string;
  actorId?: number | null;
  /** What the action was about, e.g. `user:7` or the username tried. */
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** The append-only audit trail: rows are only ever inserted. */
export class AuditLog {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: this.now(),
        action: entry.action,
        actor_id: entry.actorId ?? null,
        subject: entry.subject ?? null,
        ip: entry.ip ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
      })
      .execute();
  }
}
