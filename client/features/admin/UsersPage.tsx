import { Button } from 'antd';
import { useEffect, useState } from 'react';
import type { AdminUserView, PublicUser } from '../../../shared/auth/authSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { setUserDisabled } from '../../api/userAdminApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { CreateUserForm } from './CreateUserForm.js';
import { EndSessionsDialog } from './EndSessionsDialog.js';
import { ResetPasswordDialog } from './ResetPasswordDialog.js';
import { useUsers } from './useUsers.js';
import { UsersTable } from './UsersTable.js';
import './UsersPage.css';

interface UsersPageProps {
  /** The signed-in admin. */
  user: PublicUser;
}

type Dialog = { kind: 'reset' | 'endSessions'; user: AdminUserView } | null;
type Notice = { kind: 'done' | 'error'; message: string } | null;

/** `/admin/users` (用户管理): every account, its state, and what an admin can change. */
export function UsersPage({ user: self }: UsersPageProps) {
  const { t } = useI18n();
  const { users, error, reload } = useUsers();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('admin.users')} · ${t('app.title')}`;
  }, [t]);

  const done = (message: string) => {
    setNotice({ kind: 'done', message });
    reload();
  };

  const changeDisabled = async (target: AdminUserView, disabled: boolean) => {
    setBusy(true);
    setNotice(null);
    try {
      await setUserDisabled(target.id, disabled);
      done(
        t(disabled ? 'users.done.disabled' : 'users.done.enabled', { username: target.username }),
      );
    } catch (failure) {
      setNotice({
        kind: 'error',
        message: t('users.actionFailed', { message: describeApiError(failure, t) }),
      });
      // The failure may come from a state the list no longer shows (changed in another tab).
      reload();
    } finally {
      setBusy(false);
    }
  };

  const openDialog = (kind: 'reset' | 'endSessions', target: AdminUserView) => {
    setNotice(null);
    setDialog({ kind, user: target });
  };

  return (
    <div className="users-page">
      <h2 className="users-page__heading">{t('admin.users')}</h2>
      {notice && (
        <p
          className={`users-page__notice users-page__notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="users-notice"
        >
          {notice.message}
        </p>
      )}
      {error !== null && (
        <p className="users-page__notice users-page__notice--error" role="alert">
          {t('admin.loadFailed', { message: describeApiError(error, t) })}{' '}
          <Button onClick={reload}>{t('admin.retry')}</Button>
        </p>
      )}
      {users === null && error === null && (
        <p className="users-page__loading">{t('admin.loading')}</p>
      )}
      {users && (
        <UsersTable
          users={users}
          selfId={self.id}
          busy={busy}
          onSetDisabled={(target, disabled) => void changeDisabled(target, disabled)}
          onResetPassword={(target) => openDialog('reset', target)}
          onEndSessions={(target) => openDialog('endSessions', target)}
        />
      )}
      <CreateUserForm onCreated={(username) => done(t('users.done.created', { username }))} />
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          user={dialog.user}
          onDone={() => {
            setDialog(null);
            done(t('users.done.reset', { username: dialog.user.username }));
          }}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'endSessions' && (
        <EndSessionsDialog
          user={dialog.user}
          isSelf={dialog.user.id === self.id}
          onDone={(ended) => {
            setDialog(null);
            done(t('users.done.ended', { username: dialog.user.username, count: ended }));
          }}
          onCancel={() => setDialog(null)}
        />
      )}
    </div>
  );
}
