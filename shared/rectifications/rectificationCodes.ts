/** Where a problem came to light (问题来源), as the ledger's 问题来源 column prints it. */
export const RECTIFICATION_SOURCES = [
  'self-check',
  'mutual-criticism',
  'solicited',
  'supervisor',
  'superior',
  'inspection',
] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

export const SOURCE_LABELS: Readonly<Record<RectificationSource, string>> = {
  'self-check': '自查',
  'mutual-criticism': '相互批评',
  solicited: '征求意见',
  supervisor: '督导点评',
  superior: '上级反馈',
  inspection: '巡视巡察',
};

/**
 * How far an item has got. 销号 is not a status: it is the secretary's verification of an item
 * that is `done` or `long-term`, stored beside the status.
 */
export const RECTIFICATION_STATUSES = [
  'not-started',
  'in-progress',
  'done',
  'long-term',
  'extension-requested',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<RectificationStatus, string>> = {
  'not-started': '未启动',
  'in-progress': '推进中',
  done: '已完成',
  'long-term': '长期坚持',
  'extension-requested': '申请延期',
};

/** The statuses a 销号 may close off. */
export const VERIFIABLE_STATUSES: readonly RectificationStatus[] = ['done', 'long-term'];

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'dropped'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * Whether an item is past its deadline: a deadline before `today` (YYYY-MM-DD in the meeting
 * time zone), and neither finished, closed off nor to be kept up indefinitely.
 */
export function isOverdue(
  item: {
    deadline: string | null;
    longTerm: boolean;
    status: RectificationStatus;
    verified: boolean;
  },
  today: string,
): boolean {
  if (item.deadline === null || item.longTerm || item.verified) return false;
  if (VERIFIABLE_STATUSES.includes(item.status)) return false;
  return item.deadline < today;
}
