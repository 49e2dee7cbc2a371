import { Button } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { auditCsvUrl, type AuditFilter } from '../../api/auditApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { AuditFilters, noAuditFilter, type AuditFilterFields } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { localDayStart } from './formatTime.js';
import { useAuditLog } from './useAuditLog.js';
import { useUsers } from './useUsers.js';
import './AuditPage.css';

/** `/admin/audit` (审计日志): who did what and when, filtered, paged, and exported as CSV. */
export function AuditPage() {
  const { t } = useI18n();
  const [fields, setFields] = useState<AuditFilterFields>(noAuditFilter);
  const filter = toAuditFilter(fields);
  const log = useAuditLog(filter);
  const { users } = useUsers();
  const usersById = useMemo(() => new Map((users ?? []).map((user) => [user.id, user])), [users]);

  useEffect(() => {
    document.title = `${t('admin.audit')} · ${t('app.title')}`;
  }, [t]);

  const count = log.entries.length;
  return (
    <div className="audit-page">
      <div className="audit-page__bar">
        <h2 className="audit-page__heading">{t('admin.audit')}</h2>
        {/* A plain link: the browser downloads it with the session cookie, however large. */}
        <a
          className="audit-page__export"
          href={auditCsvUrl(filter)}
          download
          title={t('audit.exportHint')}
          data-testid="audit-export"
        >
          {t('audit.export')}
        </a>
      </div>
      <AuditFilters value={fields} onChange={setFields} users={users ?? []} />
      {log.error !== null && (
        <p className="audit-page__error" role="alert">
          {t('admin.loadFailed', { message: describeApiError(log.error, t) })}{' '}
          <Button onClick={log.retry}>{t('admin.retry')}</Button>
        </p>
      )}
      {count > 0 && <AuditTable entries={log.entries} usersById={usersById} />}
      <div className="audit-page__footer" aria-live="polite" data-testid="audit-footer">
        {log.loading ? (
          <span>{t('admin.loading')}</span>
        ) : count === 0 ? (
          log.error === null && <span>{t('audit.empty')}</span>
        ) : log.nextBefore === null ? (
          <span>{t('audit.allShown', { count })}</span>
        ) : (
          <>
            <span>{t('audit.shown', { count })}</span>
            <Button data-testid="audit-load-more" onClick={log.loadMore}>
              {t('audit.loadMore')}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

/** The form's strings as the API's filter; the end date counts as a whole day. */
function toAuditFilter(fields: AuditFilterFields): AuditFilter {
  const actorId = Number(fields.actorId);
  return {
    action: fields.action || undefined,
    actorId: Number.isInteger(actorId) && actorId > 0 ? actorId : undefined,
    from: localDayStart(fields.fromDate),
    to: localDayStart(fields.toDate, 1),
  };
}
