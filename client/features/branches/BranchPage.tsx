import { useEffect } from 'react';
import { ApiError } from '../../api/ApiError.js';
import { fetchBranch } from '../../api/branchApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import {
  adminBranchesPath,
  branchRectificationsPath,
  newMeetingPath,
} from '../../routing/routes.js';
import { MessagePage } from '../layout/MessagePage.js';
import { Notice } from '../layout/Notice.js';
import { BranchMeetings } from './BranchMeetings.js';
import { BranchMembers } from './BranchMembers.js';
import { BranchTemplates } from './BranchTemplates.js';
import './BranchPage.css';

interface BranchPageProps {
  branchId: number;
  isAdmin: boolean;
}

/**
 * `/branches/:id`, for admins and members: the members (managed by admins), the meetings, and
 * for the secretary the way to a new meeting and the branch's own templates.
 */
export function BranchPage({ branchId, isAdmin }: BranchPageProps) {
  const { t } = useI18n();
  const branch = useResource(`branch:${branchId}`, (signal) => fetchBranch(branchId, signal));
  const name = branch.data?.branch.name;

  useEffect(() => {
    document.title = `${name ?? t('branch.heading')} · ${t('app.title')}`;
  }, [name, t]);

  if (!branch.data) {
    if (branch.error instanceof ApiError && branch.error.status === 404) {
      return <MessagePage title={t('branch.notFound')} alert testId="branch-not-found" />;
    }
    return branch.error !== null ? (
      <Notice tone="error" onRetry={branch.reload}>
        {t('common.loadFailed', { message: describeApiError(branch.error, t) })}
      </Notice>
    ) : (
      <Notice tone="info">{t('common.loading')}</Notice>
    );
  }
  const { branch: view, members } = branch.data;
  const isSecretary = view.myRole === 'secretary';

  return (
    <div className="branch-page">
      <Link className="branch-page__back" href={isAdmin ? adminBranchesPath : '/'}>
        ← {isAdmin ? t('branch.backToList') : t('document.back')}
      </Link>
      <header className="branch-page__header">
        <h2 className="branch-page__name" data-testid="branch-name">
          {view.name}
        </h2>
        {view.myRole && (
          <span className="branch-page__my-role">
            {t('branch.myRole', { role: t(`branch.role.${view.myRole}`) })}
          </span>
        )}
        {(view.myRole || isAdmin) && (
          <Link
            className="branch-page__ledger"
            href={branchRectificationsPath(branchId)}
            data-testid="branch-ledger-link"
          >
            {t('ledger.heading')}
          </Link>
        )}
      </header>
      <section className="branch-page__card" aria-labelledby="branch-meetings-heading">
        <div className="branch-page__card-bar">
          <h3 id="branch-meetings-heading">{t('branch.meetings')}</h3>
          {isSecretary && (
            <Link
              className="branch-page__new-meeting"
              href={newMeetingPath(branchId)}
              data-testid="new-meeting"
            >
              {t('branch.newMeeting')}
            </Link>
          )}
        </div>
        <BranchMeetings branchId={branchId} />
      </section>
      <section className="branch-page__card" aria-labelledby="branch-members-heading">
        <h3 id="branch-members-heading">
          {t('branch.members')} <span className="branch-page__count">{members.length}</span>
        </h3>
        <BranchMembers
          branchId={branchId}
          members={members}
          isAdmin={isAdmin}
          onChanged={(next) => branch.set({ branch: view, members: next })}
        />
      </section>
      {isSecretary && (
        <section className="branch-page__card" aria-labelledby="branch-templates-heading">
          <h3 id="branch-templates-heading">{t('templates.heading')}</h3>
          <BranchTemplates branchId={branchId} />
        </section>
      )}
    </div>
  );
}
