import { Router, type Request } from 'express';
import { auditQuerySchema, type AuditEntryView } from '../../shared/audit/auditSchemas.js';
import type { AuditLog } from '../auth/AuditLog.js';
import { requestAddress } from './clientAddress.js';
import { parseBody } from './parseInput.js';
import { requireAdmin } from './sessionAuth.js';

// A CSV export stops here: a year of a busy branch is far below it.
const MAX_EXPORT_ROWS = 100_000;
const EXPORT_PAGE = 200;

/** `/api/audit`: the audit trail, for site admins. */
export function auditRoutes(audit: AuditLog): Router {
  const router = Router();

  router.get('/audit', async (req, res) => {
    requireAdmin(res);
    res.json(await audit.page(parseQuery(req)));
  });

  router.get('/audit.csv', async (req, res) => {
    const admin = requireAdmin(res);
    const query = { ...parseQuery(req), limit: EXPORT_PAGE };
    const lines = ['时间,操作,操作人,对象,来源地址,详情'];
    let before = query.before;
    for (let rows = 0; rows < MAX_EXPORT_ROWS; rows += EXPORT_PAGE) {
      const page = await audit.page({ ...query, before });
      lines.push(...page.entries.map(csvLine));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    await audit.record({
      action: 'audit.exported',
      actorId: admin.id,
      ip: requestAddress(req),
      detail: { rows: lines.length - 1 },
    });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="audit-log.csv"');
    // The byte-order mark makes Excel read the Chinese as UTF-8.
    res.send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  return router;
}

function parseQuery(req: Request) {
  return parseBody(auditQuerySchema, req.query);
}

function csvLine(e: AuditEntryView): string {
  return [
    new Date(e.at).toISOString(),
    e.action,
    e.actorName ?? (e.actorId === null ? '' : `#${e.actorId}`),
    e.subject ?? '',
    e.ip ?? '',
    JSON.stringify(e.detail),
  ]
    .map(csvField)
    .join(',');
}

/** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
