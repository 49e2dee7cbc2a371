import { Button, Input } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { describeApiError } from '../../api/describeApiError.js';
import { createUser } from '../../api/userAdminApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { InitialPasswordField } from './InitialPasswordField.js';
import { initialPasswordRules } from './initialPasswordRules.js';
import './CreateUserForm.css';

interface CreateUserFormProps {
  onCreated(username: string): void;
}

/** 新建用户: an account with an initial password its owner must replace at first sign-in. */
export function CreateUserForm({ onCreated }: CreateUserFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmedUsername = username.trim();
  const rules = initialPasswordRules(trimmedUsername, password);
  const ready =
    trimmedUsername !== '' && displayName.trim() !== '' && rules.every((rule) => rule.met);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await createUser({ username: trimmedUsername, displayName: displayName.trim(), password });
      setUsername('');
      setDisplayName('');
      setPassword('');
      onCreated(trimmedUsername);
    } catch (failure) {
      setError(t('users.actionFailed', { message: describeApiError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="create-user-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('users.create.heading')}</h2>
      <form onSubmit={(event) => void submit(event)} data-testid="create-user-form">
        <div className="create-user-form__row">
          <div className="create-user-form__field">
            <label htmlFor={`${id}-username`}>{t('users.username')}</label>
            <Input
              id={`${id}-username`}
              data-testid="new-user-username"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              aria-describedby={`${id}-username-hint`}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={64}
              required
            />
            <p id={`${id}-username-hint`} className="create-user-form__hint">
              {t('users.create.usernameHint')}
            </p>
          </div>
          <div className="create-user-form__field">
            <label htmlFor={`${id}-name`}>{t('users.displayName')}</label>
            <Input
              id={`${id}-name`}
              data-testid="new-user-display-name"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              autoComplete="off"
              maxLength={64}
              required
            />
          </div>
        </div>
        <InitialPasswordField
          label="users.create.password"
          value={password}
          onChange={setPassword}
          rules={rules}
          data-testid="new-user-password"
        />
        {error && (
          <p className="create-user-form__error" role="alert" data-testid="create-user-error">
            {error}
          </p>
        )}
        <Button
          type="primary"
          htmlType="submit"
          data-testid="create-user-submit"
          disabled={busy || !ready}
        >
          {busy ? t('users.create.submitting') : t('users.create.submit')}
        </Button>
      </form>
    </section>
  );
}
