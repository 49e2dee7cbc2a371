import { useEffect, useState } from 'react';
import { listBranches } from '../../api/branchApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { branchPath } from '../../routing/routes.js';
import { formatLocalTime } from '../admin/formatTime.js';
import { Notice } from '../layout/Notice.js';
import { CreateBranchForm } from './CreateBranchForm.js';
import './BranchesPage.css';

/** `/admin/branches` (支部管理): every branch, and a form for a new one. */
export function BranchesPage() {
  const { t } = useI18n();
  const branches = useResource('branches', listBranches);
  const [created, setCreated] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('admin.branches')} · ${t('app.title')}`;
  }, [t]);

  return (
    <div className="branches-page">
      <h2 className="branches-page__heading">{t('admin.branches')}</h2>
      {created && (
        <Notice tone="done" data-testid="branches-notice">
          {t('branches.created', { name: created })}
        </Notice>
      )}
      {branches.error !== null && (
        <Notice tone="error" onRetry={branches.reload}>
          {t('common.loadFailed', { message: describeApiError(branches.error, t) })}
        </Notice>
      )}
      {branches.data === null && branches.error === null && (
        <Notice tone="info">{t('common.loading')}</Notice>
      )}
      {branches.data?.length === 0 && <Notice tone="info">{t('branches.none')}</Notice>}
      {branches.data && branches.data.length > 0 && (
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('branches.name')}</th>
                <th scope="col">{t('branches.myRole')}</th>
                <th scope="col">{t('users.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {branches.data.map((branch) => (
                <tr key={branch.id} data-testid="branch-row" data-branch-name={branch.name}>
                  <th scope="row" className="branches-page__name">
                    <Link href={branchPath(branch.id)}>{branch.name}</Link>
                  </th>
                  <td>{branch.myRole ? t(`branch.role.${branch.myRole}`) : '—'}</td>
                  <td className="branches-page__time">{formatLocalTime(branch.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateBranchForm
        onCreated={(branch) => {
          setCreated(branch.name);
          branches.reload();
        }}
      />
    </div>
  );
}
