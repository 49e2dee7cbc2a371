import { describe, expect, it } from 'vitest';
import { ledgerQuerySchema } from '../../../shared/rectifications/rectificationSchemas.js';
import { ledgerExportUrl, ledgerQuery } from '../../../client/api/rectificationApi.js';

describe('the ledger’s filters in addresses', () => {
  it('leave out what is not set, and the server’s query schema reads the rest back', () => {
    expect(ledgerQuery({})).toBe('');
    const query = ledgerQuery({ status: 'done', overdue: true, ownerId: 4, aspect: '理论学习' });
    const parsed = ledgerQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
    expect(parsed).toMatchObject({ status: 'done', overdue: true, ownerId: 4, aspect: '理论学习' });
  });

  it('drop the page for the Excel file, which holds every matching item', () => {
    expect(ledgerExportUrl(2, { page: 3, pageSize: 20, overdue: true, sort: 'deadline' })).toBe(
      '/api/branches/2/rectifications.xlsx?overdue=true&sort=deadline',
    );
  });
});
