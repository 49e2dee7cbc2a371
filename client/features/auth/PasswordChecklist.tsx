import { useI18n } from '../../i18n/i18nContext.js';
import type { PasswordRule } from './passwordRules.js';
import './PasswordChecklist.css';

/** The password rules, ticked off live as the new password is typed. */
export function PasswordChecklist({ id, rules }: { id: string; rules: PasswordRule[] }) {
  const { t } = useI18n();
  return (
    <div className="password-checklist">
      <p className="password-checklist__heading" id={`${id}-heading`}>
        {t('password.rulesHeading')}
      </p>
      <ul id={id} aria-labelledby={`${id}-heading`} data-testid="password-rules">
        {rules.map((rule) => (
          <li
            key={rule.label}
            className={rule.met ? 'password-checklist__rule--met' : 'password-checklist__rule'}
            data-met={rule.met}
          >
            <span className="password-checklist__mark" aria-hidden="true">
              {rule.met ? '✓' : '•'}
            </span>
            {t(rule.label, rule.params)}
            {/* Screen readers hear the state, which the colour and mark only show. */}
            <span className="password-checklist__state">
              {rule.met ? t('password.rule.met') : t('password.rule.unmet')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
