import { listBranches } from '../../api/branchApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { branchPath, branchRectificationsPath } from '../../routing/routes.js';
import { Notice } from '../layout/Notice.js';
import './MyBranches.css';

/** 我的支部: links to the branches one belongs to (admins: every branch), with one's role. */
export function MyBranches() {
  const { t } = useI18n();
  const branches = useResource('branches', listBranches);
  if (branches.error !== null) {
    return (
      <Notice tone="error" onRetry={branches.reload}>
        {t('common.loadFailed', { message: describeApiError(branches.error, t) })}
      </Notice>
    );
  }
  if (!branches.data) return <Notice tone="info">{t('common.loading')}</Notice>;
  if (branches.data.length === 0) {
    return <p className="my-branches__empty">{t('home.noBranches')}</p>;
  }
  return (
    <ul className="my-branches" data-testid="my-branches">
      {branches.data.map((branch) => (
        <li key={branch.id}>
          <Link href={branchPath(branch.id)} data-testid="branch-link">
            {branch.name}
          </Link>
          {branch.myRole && (
            <span className="my-branches__role">{t(`branch.role.${branch.myRole}`)}</span>
          )}
          {/* Those who keep the branch's ledger go straight to it. */}
          {(branch.myRole === 'secretary' || branch.myRole === 'deputy') && (
            <Link
              className="my-branches__ledger"
              href={branchRectificationsPath(branch.id)}
              data-testid="home-ledger-link"
            >
              {t('ledger.heading')}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
