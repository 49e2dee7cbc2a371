import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
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

  const columns: TableColumnsType<AuditEntryView> = [
    {
      title: t('audit.at'),
      key: 'at',
      className: 'audit-table__time',
      render: (_, entry) => formatLocalTime(entry.at),
    },
    {
      title: t('audit.action'),
      key: 'action',
      onCell: (entry) => ({ title: entry.action }),
      render: (_, entry) =>
        isKnownAuditAction(entry.action) ? t(auditActionLabel(entry.action)) : entry.action,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, entry) => entry.actorName ?? (entry.actorId === null ? '' : `#${entry.actorId}`),
    },
    {
      title: t('audit.subject'),
      key: 'subject',
      onCell: (entry) => ({ title: entry.subject ?? undefined }),
      render: (_, entry) => subjectText(entry.subject),
    },
    {
      title: t('audit.ip'),
      key: 'ip',
      className: 'audit-table__ip',
      render: (_, entry) => entry.ip ?? '',
    },
    {
      title: t('audit.detail'),
      key: 'detail',
      className: 'audit-table__detail',
      render: (_, entry) =>
        Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail) : '',
    },
  ];

  return (
    <Table<AuditEntryView>
      className="audit-table"
      size="small"
      bordered
      rowKey="id"
      columns={columns}
      dataSource={entries}
      // The page loads more with 加载更多: the server pages, not the table.
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(entry) =>
        ({ 'data-testid': 'audit-row', 'data-action': entry.action }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
