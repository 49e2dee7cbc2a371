import { Button, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { AdminUserView } from '../../../shared/auth/authSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { formatLocalTime } from './formatTime.js';
import { userStatuses } from './userStatus.js';
import './UsersTable.css';

interface UsersTableProps {
  users: AdminUserView[];
  /** The signed-in admin, who may not disable themself. */
  selfId: number;
  /** While one action runs, the others wait: each one reloads the list. */
  busy: boolean;
  onSetDisabled(user: AdminUserView, disabled: boolean): void;
  onResetPassword(user: AdminUserView): void;
  onEndSessions(user: AdminUserView): void;
}

const STATUS_COLOURS = { ok: 'green', blocked: 'red', pending: 'orange' } as const;

/** The accounts, one row each, with what an admin can do to each. */
export function UsersTable({
  users,
  selfId,
  busy,
  onSetDisabled,
  onResetPassword,
  onEndSessions,
}: UsersTableProps) {
  const { t } = useI18n();
  const now = Date.now();

  const actions = (user: AdminUserView) => (
    <>
      {user.disabled ? (
        <Button
          size="small"
          data-testid="user-enable"
          disabled={busy}
          onClick={() => onSetDisabled(user, false)}
        >
          {t('users.enable')}
        </Button>
      ) : (
        user.id !== selfId && (
          <Button
            size="small"
            data-testid="user-disable"
            disabled={busy}
            onClick={() => onSetDisabled(user, true)}
          >
            {t('users.disable')}
          </Button>
        )
      )}
      <Button
        size="small"
        data-testid="user-reset-password"
        disabled={busy}
        onClick={() => onResetPassword(user)}
      >
        {t('users.resetPassword')}
      </Button>
      <Button
        size="small"
        data-testid="user-end-sessions"
        disabled={busy}
        onClick={() => onEndSessions(user)}
      >
        {t('users.endSessions')}
      </Button>
    </>
  );

  const columns: TableColumnsType<AdminUserView> = [
    {
      title: t('users.username'),
      key: 'username',
      // The row's name for screen readers: a header cell, not a data cell.
      rowScope: 'row',
      className: 'users-table__username',
      render: (_, user) => (
        <>
          {user.username}
          {user.id === selfId && <span className="users-table__self">{t('users.you')}</span>}
        </>
      ),
    },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('users.isAdmin'),
      key: 'isAdmin',
      render: (_, user) => (user.isAdmin ? t('users.yes') : t('users.no')),
    },
    {
      title: t('users.status'),
      key: 'status',
      onCell: () => ({ 'data-testid': 'user-status' }) as HTMLAttributes<HTMLElement>,
      render: (_, user) =>
        userStatuses(user, now).map((status) => (
          <Tag key={status.key} color={STATUS_COLOURS[status.tone]}>
            {t(status.key, status.params)}
          </Tag>
        )),
    },
    {
      title: t('users.createdAt'),
      key: 'createdAt',
      className: 'users-table__time',
      render: (_, user) => formatLocalTime(user.createdAt),
    },
    {
      title: t('users.actions'),
      key: 'actions',
      className: 'users-table__actions',
      render: (_, user) => actions(user),
    },
  ];

  return (
    <Table<AdminUserView>
      className="users-table"
      size="small"
      bordered
      rowKey="id"
      columns={columns}
      dataSource={users}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(user) =>
        ({
          'data-testid': 'user-row',
          'data-username': user.username,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
