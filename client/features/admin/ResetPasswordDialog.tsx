import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import type { AdminUserView } from '../../../shared/auth/authSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { resetUserPassword } from '../../api/userAdminApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { InitialPasswordField } from './InitialPasswordField.js';
import { initialPasswordRules } from './initialPasswordRules.js';
import { ModalDialog } from '../layout/ModalDialog.js';
import './ResetPasswordDialog.css';

interface ResetPasswordDialogProps {
  user: AdminUserView;
  onDone(): void;
  onCancel(): void;
}

/** Asks for a new initial password for `user`; the server ends their sessions. */
export function ResetPasswordDialog({ user, onDone, onCancel }: ResetPasswordDialogProps) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rules = initialPasswordRules(user.username, password);
  const ready = rules.every((rule) => rule.met);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await resetUserPassword(user.id, password);
      onDone();
    } catch (failure) {
      setError(t('users.actionFailed', { message: describeApiError(failure, t) }));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title={t('users.reset.heading', {
        name: t('users.who', { name: user.displayName, username: user.username }),
      })}
      onClose={onCancel}
      data-testid="reset-password-dialog"
    >
      <form className="reset-password-dialog" onSubmit={(event) => void submit(event)}>
        <p className="reset-password-dialog__hint">{t('users.reset.hint')}</p>
        <InitialPasswordField
          label="users.reset.password"
          value={password}
          onChange={setPassword}
          rules={rules}
          data-testid="reset-password-input"
        />
        {error && (
          <p
            className="reset-password-dialog__error"
            role="alert"
            data-testid="reset-password-error"
          >
            {error}
          </p>
        )}
        <div className="reset-password-dialog__buttons">
          <Button onClick={onCancel}>{t('dialog.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            data-testid="reset-password-submit"
            disabled={busy || !ready}
          >
            {busy ? t('users.reset.submitting') : t('users.reset.submit')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
