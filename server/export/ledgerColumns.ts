/** 状态 as the ledger prints them and as its drop-down offers them (DESIGN.md §7). */
export const LEDGER_STATUSES = ['未启动', '推进中', '已完成', '长期坚持', '申请延期'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export interface LedgerRow {
  source: string;
  aspect: string;
  problem: string;
  goal: string;
  measures: string;
  leader: string;
  owner: string;
  /** A calendar date, at midnight UTC (as `new Date('2025-06-30')` gives it). */
  deadline: Date | null;
  longTerm: boolean;
  status: LedgerStatus;
  progress: string;
  verifiedAt: Date | null;
  verifiedBy: string | null;
}

/** The columns of 整改台账 in order: header, width in characters, and whether text is centred. */
export const LEDGER_COLUMNS = [
  { header: '序号', width: 6, center: true },
  { header: '问题来源', width: 10, center: true },
  { header: '所属方面', width: 12, center: true },
  { header: '问题表现', width: 36, center: false },
  { header: '整改目标', width: 24, center: false },
  { header: '整改措施', width: 36, center: false },
  { header: '责任领导', width: 10, center: true },
  { header: '责任人', width: 10, center: true },
  { header: '完成时限', width: 12, center: true },
  { header: '状态', width: 10, center: true },
  { header: '进展情况', width: 30, center: false },
  { header: '销号', width: 18, center: true },
] as const;

/** Column numbers (1-based) the writer fills specially. */
export const DEADLINE_COLUMN = 9;
export const STATUS_COLUMN = 10;
