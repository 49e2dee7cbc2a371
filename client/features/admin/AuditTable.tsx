import type { AuditEntryView } from '../../../shared/audit/auditSchemas.js';
import type { AdminUserView } from '../../../shared/auth/authSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { auditActionLabel, isKnownAuditAction } from './auditActions.js';
import { formatLocalTime } from './formatTime.js';
import './AuditTable.css';

interface AuditTableProps {
  entries: AuditEntryView[];
  /** To name the accounts that subjects such as `user:12` refer to. */
  usersById: ReadonlyMap<number, AdminUserView>;
}

/** Audit entries as recorded, with the times and actions put into words. */
export function AuditTable({ entries, usersById }: AuditTableProps) {
  const { t } = useI18n();

  const subjectText = (subject: string | null): string => {
    const userId = /^user:(\d+)$/.exec(subject ?? '')?.[1];
    const user = userId === undefined ? undefined : usersById.get(Number(userId));
    if (user) return t('users.who', { name: user.displayName, username: user.username });
    return subject ?? '';
  };

  return (
    <div className="data-table audit-table">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.subject')}</th>
            <th scope="col">{t('audit.ip')}</th>
            <th scope="col">{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
              <td className="audit-table__time">{formatLocalTime(entry.at)}</td>
              <td title={entry.action}>
                {isKnownAuditAction(entry.action)
                  ? t(auditActionLabel(entry.action))
                  : entry.action}
              </td>
              <td>{entry.actorName ?? (entry.actorId === null ? '' : `#${entry.actorId}`)}</td>
              <td title={entry.subject ?? undefined}>{subjectText(entry.subject)}</td>
              <td className="audit-table__ip">{entry.ip ?? ''}</td>
              <td className="audit-table__detail">
                {Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
