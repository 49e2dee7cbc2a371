import type { PublicUser } from '../../../shared/auth/authSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import {
  adminAuditPath,
  adminBranchesPath,
  adminUsersPath,
  type Route,
} from '../../routing/routes.js';
import { AccountMenu } from './AccountMenu.js';
import { AdminNav } from './AdminNav.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import './AppHeader.css';

// A branch's pages sit under 支部管理 for an admin.
const adminPaths: Partial<Record<Route['page'], string>> = {
  adminUsers: adminUsersPath,
  adminAudit: adminAuditPath,
  adminBranches: adminBranchesPath,
  branch: adminBranchesPath,
  newMeeting: adminBranchesPath,
};

interface AppHeaderProps {
  page: Route['page'];
  user: PublicUser;
  /** Hides the way to the password form: the user is already held on it. */
  passwordChangeForced: boolean;
  onSignOut(): Promise<void>;
}

/**
 * The product name (the home page's heading, a link home elsewhere), the admin's pages for
 * admins, the account and language.
 */
export function AppHeader({ page, user, passwordChangeForced, onSignOut }: AppHeaderProps) {
  const { t } = useI18n();
  const adminPath = adminPaths[page] ?? null;
  return (
    <header className="app-header">
      <div className="app-header__start">
        {page === 'home' ? (
          <h1 className="app-header__title">{t('app.title')}</h1>
        ) : (
          <Link className="app-header__title" href="/">
            {t('app.title')}
          </Link>
        )}
        {/* Only where they would open: the server refuses others, and the forced change first. */}
        {user.isAdmin && !passwordChangeForced && <AdminNav current={adminPath} />}
      </div>
      <div className="app-header__end">
        <AccountMenu user={user} showPasswordLink={!passwordChangeForced} onSignOut={onSignOut} />
        <LanguageSwitch />
      </div>
    </header>
  );
}
