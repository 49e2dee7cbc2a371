import { SOURCE_LABELS, STATUS_LABELS } from '../../shared/rectifications/rectificationCodes.js';
import type { RectificationView } from '../../shared/rectifications/rectificationViews.js';
import { LEDGER_STATUSES, type LedgerRow, type LedgerStatus } from './ledgerColumns.js';

/** An item as a row of 整改台账: the labels of shared/rectifications, the latest progress note. */
export function ledgerRow(item: RectificationView): LedgerRow {
  const progress = item.latestProgress;
  return {
    source: SOURCE_LABELS[item.source],
    aspect: item.aspect,
    problem: item.problem,
    goal: item.goal,
    measures: item.measures,
    leader: item.leader?.displayName ?? '',
    owner: item.owner.displayName,
    deadline: item.deadline === null ? null : new Date(`${item.deadline}T00:00:00Z`),
    longTerm: item.longTerm,
    status: ledgerStatus(item),
    progress: progress === null ? '' : `${progress.notedOn} ${progress.note}`,
    verifiedAt: item.verified === null ? null : new Date(item.verified.at),
    verifiedBy: item.verified?.by.displayName ?? null,
  };
}

/** The item's status label, which is one of the ledger's drop-down values by construction. */
function ledgerStatus(item: RectificationView): LedgerStatus {
  const label = STATUS_LABELS[item.status];
  return LEDGER_STATUSES.find((s) => s === label) ?? '未启动';
}

/** 完成时限 as text: the date, 长期坚持, or nothing. */
export function deadlineText(item: RectificationView): string {
  if (item.longTerm) return '长期坚持';
  return item.deadline ?? '';
}

/** The rectification list (整改清单) as the minutes and the report print it. */
export function rectificationTable(items: readonly RectificationView[]): {
  header: string[];
  rows: string[][];
} {
  return {
    header: ['序号', '问题来源', '所属方面', '问题表现', '整改措施', '责任人', '完成时限', '状态'],
    rows: items.map((item, i) => [
      String(i + 1),
      SOURCE_LABELS[item.source],
      item.aspect,
      item.problem,
      item.measures,
      item.owner.displayName,
      deadlineText(item),
      STATUS_LABELS[item.status],
    ]),
  };
}
