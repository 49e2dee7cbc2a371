import { useState } from 'react';
import type { AdminUserView } from '../../../shared/auth/authSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { endUserSessions } from '../../api/userAdminApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ConfirmDialog } from '../layout/ConfirmDialog.js';
import { reportSessionLost } from '../../api/sessionLost.js';
import './EndSessionsDialog.css';

interface EndSessionsDialogProps {
  user: AdminUserView;
  /** The admin's own row: ending these sessions signs the admin out too. */
  isSelf: boolean;
  onDone(ended: number): void;
  onCancel(): void;
}

/** 强制下线, confirmed first: it cuts people off mid-edit. */
export function EndSessionsDialog({ user, isSelf, onDone, onCancel }: EndSessionsDialogProps) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const ended = await endUserSessions(user.id);
      // The admin's own session was among them: the page is signed out now.
      if (isSelf) reportSessionLost();
      else onDone(ended);
    } catch (failure) {
      setError(t('users.actionFailed', { message: describeApiError(failure, t) }));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={t('users.end.heading', {
        name: t('users.who', { name: user.displayName, username: user.username }),
      })}
      hint={t('users.end.hint')}
      confirmLabel={busy ? t('users.end.submitting') : t('users.endSessions')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
      data-testid="end-sessions-dialog"
      confirmTestId="end-sessions-confirm"
    >
      {isSelf && <p className="end-sessions-dialog__hint">{t('users.end.selfHint')}</p>}
      {error && (
        <p className="end-sessions-dialog__error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
