import { Button, Input } from 'antd';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PublicUser } from '../../../shared/auth/authSchemas.js';
import { signIn } from '../../api/authApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './SignInPage.css';

/**
 * Shown on every path to anyone not signed in. Only the product name and the form: nothing
 * about the organisation's meetings is visible before sign-in.
 */
export function SignInPage({ onSignedIn }: { onSignedIn(user: PublicUser): void }) {
  const { t } = useI18n();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('signIn.heading')} · ${t('app.title')}`;
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn({ username: username.trim(), password }));
    } catch (failure) {
      setError(describeApiError(failure, t));
      // A retry starts from a blank password, as after any failed sign-in.
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-page">
      <form className="sign-in-page__card" onSubmit={(event) => void submit(event)}>
        <h1 className="sign-in-page__title">{t('app.title')}</h1>
        <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
        <Input
          id={`${id}-username`}
          data-testid="sign-in-username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          required
          autoFocus
        />
        <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
        <Input.Password
          id={`${id}-password`}
          data-testid="sign-in-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          required
        />
        {error && (
          <p className="sign-in-page__error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <Button type="primary" htmlType="submit" data-testid="sign-in-submit" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
    </div>
  );
}
