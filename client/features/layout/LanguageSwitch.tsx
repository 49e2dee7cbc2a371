import { useI18n } from '../../i18n/i18nContext.js';
import { localeNames, locales } from '../../i18n/messages.js';
import './LanguageSwitch.css';

/** Switches the UI language; both names are shown in their own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switch__option"
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {localeNames[option]}
        </button>
      ))}
    </div>
  );
}
