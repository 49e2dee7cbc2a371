import type { AuditPage } from '../../shared/audit/auditSchemas.js';
import { requestJson } from './requestJson.js';

/** What the audit log is narrowed to; absent fields do not filter. */
export interface AuditFilter {
  /** An action or an action prefix, e.g. `login.` */
  action?: string;
  actorId?: number;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
}

export const auditPageSize = 50;

/** One page of entries, newest first, older than `before` when given. */
export function fetchAuditPage(
  filter: AuditFilter,
  before: number | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const query = auditQuery(filter);
  query.set('limit', String(auditPageSize));
  if (before !== null) query.set('before', String(before));
  return requestJson<AuditPage>(`/api/audit?${query.toString()}`, { signal });
}

/** The CSV export of everything the filter matches, for a plain download link. */
export function auditCsvUrl(filter: AuditFilter): string {
  const query = auditQuery(filter).toString();
  return query ? `/api/audit.csv?${query}` : '/api/audit.csv';
}

function auditQuery(filter: AuditFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query;
}
