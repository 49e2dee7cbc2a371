import { Button } from 'antd';
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
  return (
    <div className="data-table users-table">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.isAdmin')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isSelf = user.id === selfId;
            return (
              <tr key={user.id} data-testid="user-row" data-username={user.username}>
                <th scope="row" className="users-table__username">
                  {user.username}
                  {isSelf && <span className="users-table__self">{t('users.you')}</span>}
                </th>
                <td>{user.displayName}</td>
                <td>{user.isAdmin ? t('users.yes') : t('users.no')}</td>
                <td data-testid="user-status">
                  {userStatuses(user, now).map((status) => (
                    <span
                      key={status.key}
                      className={`users-table__status users-table__status--${status.tone}`}
                    >
                      {t(status.key, status.params)}
                    </span>
                  ))}
                </td>
                <td className="users-table__time">{formatLocalTime(user.createdAt)}</td>
                <td className="users-table__actions">
                  {user.disabled ? (
                    <Button
                      data-testid="user-enable"
                      disabled={busy}
                      onClick={() => onSetDisabled(user, false)}
                    >
                      {t('users.enable')}
                    </Button>
                  ) : (
                    !isSelf && (
                      <Button
                        data-testid="user-disable"
                        disabled={busy}
                        onClick={() => onSetDisabled(user, true)}
                      >
                        {t('users.disable')}
                      </Button>
                    )
                  )}
                  <Button
                    data-testid="user-reset-password"
                    disabled={busy}
                    onClick={() => onResetPassword(user)}
                  >
                    {t('users.resetPassword')}
                  </Button>
                  <Button
                    data-testid="user-end-sessions"
                    disabled={busy}
                    onClick={() => onEndSessions(user)}
                  >
                    {t('users.endSessions')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
