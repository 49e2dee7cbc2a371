import { Segmented } from 'antd';
import { useI18n } from '../../i18n/i18nContext.js';
import { localeNames, locales, type Locale } from '../../i18n/messages.js';
import './LanguageSwitch.css';

/** Switches the UI language; both names are shown in their own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      className="language-switch"
      size="small"
      aria-label={t('language.label')}
      value={locale}
      onChange={setLocale}
      options={locales.map((option) => ({
        value: option,
        label: <span lang={option}>{localeNames[option]}</span>,
      }))}
    />
  );
}
