import { describe, expect, it } from 'vitest';
import {
  calendarDateSchema,
  createRectificationSchema,
  ledgerQuerySchema,
} from '../../../shared/rectifications/rectificationSchemas.js';

describe('rectification schemas', () => {
  it('take calendar dates that exist', () => {
    for (const ok of ['2027-03-31', '2028-02-29'])
      expect(calendarDateSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['2027-02-29', '2027-13-01', '2027-3-1', '2027/03/31', ''])
      expect([bad, calendarDateSchema.safeParse(bad).success]).toEqual([bad, false]);
  });

  it('need a source, a problem and an owner, and nothing unknown', () => {
    const item = { source: 'inspection', problem: '落实不到位', ownerUserId: 3 };
    expect(createRectificationSchema.parse(item)).toEqual(item);
    expect(createRectificationSchema.safeParse({ ...item, source: 'rumour' }).success).toBe(false);
    expect(createRectificationSchema.safeParse({ ...item, problem: '  ' }).success).toBe(false);
    expect(createRectificationSchema.safeParse({ ...item, status: 'verified' }).success).toBe(
      false,
    );
    expect(createRectificationSchema.safeParse({ ...item, verifiedBy: 1 }).success).toBe(false);
  });

  it('read the ledger query from strings, with defaults', () => {
    expect(ledgerQuerySchema.parse({})).toEqual({ sort: 'seq', page: 1, pageSize: 50 });
    expect(ledgerQuerySchema.parse({ overdue: 'true', ownerId: '7', page: '2' })).toEqual({
      overdue: true,
      ownerId: 7,
      sort: 'seq',
      page: 2,
      pageSize: 50,
    });
    expect(ledgerQuerySchema.safeParse({ page: '0' }).success).toBe(false);
  });
});
