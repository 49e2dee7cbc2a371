/** 状态 as the ledger prints them and as its drop-down offers them (docs/exports.md, "The Excel ledger"). */
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

/**
 * The columns of 整改台账 in order: header, width (Excel's unit, about half a Chinese character
 * of 12 pt) and whether text is centred. Together about 173 units, so one page wide on A4
 * landscape prints at about 80 %.
 */
export const LEDGER_COLUMNS = [
  { header: '序号', width: 5, center: true },
  { header: '问题来源', width: 9, center: true },
  { header: '所属方面', width: 10, center: true },
  { header: '问题表现', width: 28, center: false },
  { header: '整改目标', width: 18, center: false },
  { header: '整改措施', width: 28, center: false },
  { header: '责任领导', width: 9, center: true },
  { header: '责任人', width: 8, center: true },
  { header: '完成时限', width: 11, center: true },
  { header: '状态', width: 9, center: true },
  { header: '进展情况', width: 22, center: false },
  { header: '销号', width: 16, center: true },
] as const;

/** Column numbers (1-based) the writer fills specially. */
export const DEADLINE_COLUMN = 9;
export const STATUS_COLUMN = 10;
