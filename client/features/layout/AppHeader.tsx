import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import './AppHeader.css';

/** The product name (the home page's heading, a link home elsewhere) and the language switch. */
export function AppHeader({ isHome }: { isHome: boolean }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      {isHome ? (
        <h1 className="app-header__title">{t('app.title')}</h1>
      ) : (
        <Link className="app-header__title" href="/">
          {t('app.title')}
        </Link>
      )}
      <LanguageSwitch />
    </header>
  );
}
