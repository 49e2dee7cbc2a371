import { useI18n } from '../../i18n/i18nContext.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../routing/Link.js';
import { adminAuditPath, adminBranchesPath, adminUsersPath } from '../../routing/routes.js';
import './AdminNav.css';

/** The admin's pages, in the header; `current` marks the one shown. */
export function AdminNav({ current }: { current: string | null }) {
  const { t } = useI18n();
  const link = (href: string, label: MessageKey, testId: string) => (
    <Link
      className="admin-nav__link"
      href={href}
      aria-current={current === href ? 'page' : undefined}
      data-testid={testId}
    >
      {t(label)}
    </Link>
  );
  return (
    <nav className="admin-nav" aria-label={t('admin.navLabel')}>
      {link(adminBranchesPath, 'admin.branches', 'nav-admin-branches')}
      {link(adminUsersPath, 'admin.users', 'nav-admin-users')}
      {link(adminAuditPath, 'admin.audit', 'nav-admin-audit')}
    </nav>
  );
}
