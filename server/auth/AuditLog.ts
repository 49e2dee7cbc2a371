import type { Kysely } from 'kysely';
import { AuditLimits } from '../../shared/audit/auditLimits.js';
import type { AuditEntryView, AuditPage, AuditQuery } from '../../shared/audit/auditSchemas.js';
import type { DatabaseSchema } from '../storage/DatabaseSchema.js';

export interface AuditEntry {
  action: string;
  actorId?: number | null;
  /** What the action was about, e.g. `user:7` or the username tried. */
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** The append-only audit trail: rows are only ever inserted, and read by admins. */
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
        subject: entry.subject == null ? null : cleanSubject(entry.subject),
        ip: entry.ip ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
      })
      .execute();
  }

  /** One page, newest first, with the filters of `query`. */
  async page(query: AuditQuery): Promise<AuditPage> {
    let q = this.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.actor_id',
        'audit_log.subject',
        'audit_log.ip',
        'audit_log.detail',
        'users.display_name',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(query.limit + 1);
    if (query.before !== undefined) q = q.where('audit_log.id', '<', query.before);
    if (query.action !== undefined) q = q.where('audit_log.action', 'like', `${query.action}%`);
    if (query.actorId !== undefined) q = q.where('audit_log.actor_id', '=', query.actorId);
    if (query.from !== undefined) q = q.where('audit_log.at', '>=', query.from);
    if (query.to !== undefined) q = q.where('audit_log.at', '<', query.to);
    const rows = await q.execute();
    const more = rows.length > query.limit;
    const entries = rows.slice(0, query.limit).map((r): AuditEntryView => ({
      id: r.id,
      at: r.at,
      action: r.action,
      actorId: r.actor_id,
      actorName: r.display_name,
      subject: r.subject,
      ip: r.ip,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
    return { entries, nextBefore: more ? entries.at(-1)!.id : null };
  }
}

/**
 * A subject as it may be shown and exported: without control and format characters (which
 * could forge lines in a CSV or reorder text with bidi overrides) and at most
 * `AuditLimits.subjectMaxChars` characters.
 */
function cleanSubject(subject: string): string {
  const clean = subject.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  const chars = Array.from(clean);
  return chars.length > AuditLimits.subjectMaxChars
    ? `${chars.slice(0, AuditLimits.subjectMaxChars - 1).join('')}…`
    : clean;
}
