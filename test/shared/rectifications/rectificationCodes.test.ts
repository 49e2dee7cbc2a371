import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../../../shared/rectifications/rectificationCodes.js';

describe('rectification codes', () => {
  it('label every source and status as the ledger prints them', () => {
    expect(RECTIFICATION_SOURCES.map((s) => SOURCE_LABELS[s])).toEqual([
      '自查',
      '相互批评',
      '征求意见',
      '督导点评',
      '上级反馈',
      '巡视巡察',
    ]);
    expect(RECTIFICATION_STATUSES.map((s) => STATUS_LABELS[s])).toEqual([
      '未启动',
      '推进中',
      '已完成',
      '长期坚持',
      '申请延期',
    ]);
  });

  it('call an item overdue only past its deadline and while still open', () => {
    const item = {
      deadline: '2027-03-31',
      longTerm: false,
      status: 'in-progress' as const,
      verified: false,
    };
    expect(isOverdue(item, '2027-03-31')).toBe(false); // the deadline day itself is still in time
    expect(isOverdue(item, '2027-04-01')).toBe(true);
    expect(isOverdue({ ...item, status: 'extension-requested' }, '2027-04-01')).toBe(true);
    expect(isOverdue({ ...item, status: 'done' }, '2027-04-01')).toBe(false);
    expect(isOverdue({ ...item, status: 'long-term' }, '2027-04-01')).toBe(false);
    expect(isOverdue({ ...item, verified: true }, '2027-04-01')).toBe(false);
    expect(isOverdue({ ...item, longTerm: true }, '2027-04-01')).toBe(false);
    expect(isOverdue({ ...item, deadline: null }, '2099-01-01')).toBe(false);
  });
});
