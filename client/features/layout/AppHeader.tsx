import type { PublicUser } from '../../../shared/auth/authSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { AccountMenu } from './AccountMenu.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import './AppHeader.css';

interface AppHeaderProps {
  isHome: boolean;
  user: PublicUser;
  /** Hides the way to the password form: the user is already held on it. */
  passwordChangeForced: boolean;
  onSignOut(): Promise<void>;
}

/** The product name (the home page's heading, a link home elsewhere), the account and language. */
export function AppHeader({ isHome, user, passwordChangeForced, onSignOut }: AppHeaderProps) {
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
      <div className="app-header__end">
        <AccountMenu user={user} showPasswordLink={!passwordChangeForced} onSignOut={onSignOut} />
        <LanguageSwitch />
      </div>
    </header>
  );
}
