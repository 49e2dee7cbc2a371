import type { TableProps } from 'antd';
import { useEffect, useState } from 'react';
import type { RectificationView } from '../../../shared/rectifications/rectificationViews.js';
import { ApiError } from '../../api/ApiError.js';
import { fetchBranch, listBranchMeetings } from '../../api/branchApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { fetchLedger, ledgerExportUrl, type LedgerFilters } from '../../api/rectificationApi.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { branchPath, meetingPath } from '../../routing/routes.js';
import { MessagePage } from '../layout/MessagePage.js';
import { Notice } from '../layout/Notice.js';
import { LedgerFilterBar } from './LedgerFilterBar.js';
import { LedgerItemDrawer } from './LedgerItemDrawer.js';
import { RectificationTable } from './RectificationTable.js';
import './BranchLedgerPage.css';

interface BranchLedgerPageProps {
  branchId: number;
}

const PAGE_SIZE = 20;
const SORTABLE = new Set(['seq', 'deadline', 'status']);

/**
 * `/branches/:id/rectifications`: the branch's 整改台账 across its meetings (its secretary,
 * deputy and committee see all; others the meetings they were in), filtered, sorted and paged
 * by the server, with the same selection as Excel.
 */
export function BranchLedgerPage({ branchId }: BranchLedgerPageProps) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<LedgerFilters>({ page: 1, pageSize: PAGE_SIZE });
  const [opened, setOpened] = useState<RectificationView | null>(null);
  const branch = useResource(`branch:${branchId}`, (signal) => fetchBranch(branchId, signal));
  const meetings = useResource(`branch-meetings:${branchId}`, (signal) =>
    listBranchMeetings(branchId, signal),
  );
  const key = `ledger:${branchId}:${JSON.stringify(filters)}`;
  const ledger = useResource(key, (signal) => fetchLedger(branchId, filters, signal));
  // The page keeps the last answer on screen while the next one loads.
  const [shown, setShown] = useState<{ items: RectificationView[]; total: number } | null>(null);
  useEffect(() => {
    if (ledger.data) setShown(ledger.data);
  }, [ledger.data]);
  const name = branch.data?.branch.name;

  useEffect(() => {
    document.title = `${t('ledger.heading')} · ${name ?? t('branch.heading')}`;
  }, [name, t]);

  if (branch.error instanceof ApiError && branch.error.status === 404) {
    return <MessagePage title={t('branch.notFound')} alert testId="branch-not-found" />;
  }
  const titles = new Map((meetings.data ?? []).map((m) => [m.id, m.title]));
  const people = (branch.data?.members ?? []).map((m) => ({
    id: m.userId,
    displayName: m.displayName,
  }));

  const onTableChange: TableProps<RectificationView>['onChange'] = (pagination, _f, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = String(one?.columnKey ?? '');
    const sort = one?.order && SORTABLE.has(column) ? (column as LedgerFilters['sort']) : undefined;
    setFilters({ ...filters, sort, page: pagination.current ?? 1 });
  };

  return (
    <div className="branch-ledger" data-testid="branch-ledger">
      <Link className="branch-ledger__back" href={branchPath(branchId)}>
        ← {name ?? t('branch.heading')}
      </Link>
      <header className="branch-ledger__header">
        <h2>{t('ledger.heading')}</h2>
        <a
          className="branch-ledger__export"
          href={ledgerExportUrl(branchId, filters)}
          download
          data-testid="ledger-export"
        >
          {t('ledger.export')}
        </a>
      </header>
      <LedgerFilterBar
        filters={filters}
        onChange={setFilters}
        meetings={(meetings.data ?? []).map((m) => ({ id: m.id, title: m.title }))}
        people={people}
      />
      {ledger.error !== null && (
        <Notice tone="error" onRetry={ledger.reload}>
          {t('common.loadFailed', { message: describeApiError(ledger.error, t) })}
        </Notice>
      )}
      <p className="branch-ledger__total" data-testid="ledger-total">
        {shown ? t('ledger.total', { count: shown.total }) : t('common.loading')}
      </p>
      <RectificationTable
        items={shown?.items ?? []}
        loading={ledger.loading}
        sortable
        onOpen={(item) => setOpened(item)}
        onChange={onTableChange}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: shown?.total ?? 0,
          showSizeChanger: false,
        }}
        lead={{
          title: t('ledger.meeting'),
          key: 'meeting',
          render: (_, item) => (
            <Link href={meetingPath(item.meetingId)}>
              {titles.get(item.meetingId) ?? `#${item.meetingId}`}
            </Link>
          ),
        }}
      />
      {opened !== null && (
        <LedgerItemDrawer
          key={opened.id}
          item={opened}
          people={people}
          onClose={() => setOpened(null)}
          onChanged={ledger.reload}
        />
      )}
    </div>
  );
}
