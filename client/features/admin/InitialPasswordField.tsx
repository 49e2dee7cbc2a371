import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { PasswordRule } from '../auth/passwordRules.js';
import { PasswordChecklist } from '../auth/PasswordChecklist.js';
import './InitialPasswordField.css';

interface InitialPasswordFieldProps {
  label: MessageKey;
  value: string;
  onChange(value: string): void;
  rules: PasswordRule[];
  'data-testid': string;
}

/**
 * A password an admin sets and then tells its owner: it may be shown to check it before
 * passing it on, and the policy is ticked off as it is typed.
 */
export function InitialPasswordField({
  label,
  value,
  onChange,
  rules,
  ...rest
}: InitialPasswordFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="initial-password-field">
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        data-testid={rest['data-testid']}
        type={shown ? 'text' : 'password'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        // Not the admin's own password: keep password managers from filing or filling it.
        autoComplete="new-password"
        aria-describedby={`${id}-rules`}
        spellCheck={false}
        required
      />
      <label className="initial-password-field__show">
        <input
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        {t('users.showPassword')}
      </label>
      <PasswordChecklist id={`${id}-rules`} rules={rules} />
    </div>
  );
}
