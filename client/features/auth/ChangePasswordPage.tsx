import { Button, Input } from 'antd';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PublicUser } from '../../../shared/auth/authSchemas.js';
import { changePassword } from '../../api/authApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { PasswordChecklist } from './PasswordChecklist.js';
import { passwordRules } from './passwordRules.js';
import './ChangePasswordPage.css';

interface ChangePasswordPageProps {
  user: PublicUser;
  /** Nothing else until it is changed: the password was set by someone else. */
  forced: boolean;
  onChanged(user: PublicUser): void;
}

type Outcome = { kind: 'error'; message: string } | { kind: 'changed' } | null;

/** Replace one's password: forced after an admin set it, or by choice from the header. */
export function ChangePasswordPage({ user, forced, onChanged }: ChangePasswordPageProps) {
  const { t } = useI18n();
  const id = useId();
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const rules = passwordRules(user.username, oldPassword, newPassword, confirmation);
  const ready = oldPassword !== '' && rules.every((rule) => rule.met);
  const heading = forced ? t('password.forcedHeading') : t('password.heading');

  useEffect(() => {
    document.title = `${heading} · ${t('app.title')}`;
  }, [heading, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setOutcome(null);
    try {
      const updated = await changePassword({ oldPassword, newPassword });
      setOldPassword('');
      setNewPassword('');
      setConfirmation('');
      setOutcome({ kind: 'changed' });
      onChanged(updated);
    } catch (failure) {
      setOutcome({ kind: 'error', message: describeApiError(failure, t) });
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: 'old' | 'new' | 'confirm',
    value: string,
    onChange: (value: string) => void,
    extra: { autoComplete: string; describedBy?: string },
  ) => (
    <>
      <label htmlFor={`${id}-${name}`}>{t(`password.${name}`)}</label>
      <Input.Password
        id={`${id}-${name}`}
        data-testid={`password-${name}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={extra.autoComplete}
        aria-describedby={extra.describedBy}
        required
      />
    </>
  );

  return (
    <div className="change-password-page">
      <form className="change-password-page__card" onSubmit={(event) => void submit(event)}>
        <h2 data-testid="password-heading">{heading}</h2>
        {forced && <p className="change-password-page__hint">{t('password.forcedHint')}</p>}
        {/* Lets password managers file the new password under the right account. */}
        <Input value={user.username} autoComplete="username" readOnly hidden />
        {field('old', oldPassword, setOldPassword, { autoComplete: 'current-password' })}
        {field('new', newPassword, setNewPassword, {
          autoComplete: 'new-password',
          describedBy: `${id}-rules`,
        })}
        {field('confirm', confirmation, setConfirmation, { autoComplete: 'new-password' })}
        <PasswordChecklist id={`${id}-rules`} rules={rules} />
        {outcome?.kind === 'error' && (
          <p className="change-password-page__error" role="alert" data-testid="password-error">
            {outcome.message}
          </p>
        )}
        {outcome?.kind === 'changed' && (
          <p className="change-password-page__done" role="status" data-testid="password-changed">
            {t('password.changed')} <Link href="/">{t('document.back')}</Link>
          </p>
        )}
        <Button
          type="primary"
          htmlType="submit"
          data-testid="password-submit"
          disabled={busy || !ready}
        >
          {busy ? t('password.submitting') : t('password.submit')}
        </Button>
      </form>
    </div>
  );
}
