import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type {
  LedgerPage,
  RectificationDetailView,
} from '../../../shared/rectifications/rectificationViews.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  callerToken,
  createMeetingFixture,
  type Caller,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

type Answer = LedgerPage & {
  rectification: RectificationDetailView;
  meeting: MeetingDetailView;
  error?: { code: string };
};

describe('the branch-wide 整改台账: filters, order, pages, and who sees which items', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let second: number;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
    // A second meeting of the same branch, without 张党员.
    const created = await as('secretary', 'POST', '/api/meetings', {
      branchId: fixture.branchId,
      kind: 'democratic-life',
      title: '专题组织生活会（二）',
      templateId: 'dlm-2023-theme-education',
    });
    second = created.body.meeting.id;
    await as('secretary', 'PUT', `/api/meetings/${second}/participants`, [
      { userId: id('secretary'), role: 'host' },
      { userId: id('secretary'), role: 'participant' },
      { userId: id('recorder'), role: 'recorder' },
      { userId: id('deputy'), role: 'participant' },
    ]);
    await as('secretary', 'POST', `/api/meetings/${second}/status`, { status: 'open' });
    const first = fixture.meeting.id;
    await item(first, {
      problem: 'A1',
      aspect: '理论学习',
      owner: 'member',
      deadline: '2001-05-01',
    });
    await item(first, {
      problem: 'A2',
      aspect: '担当作为',
      owner: 'deputy',
      deadline: '2030-01-01',
    });
    const a3 = await item(first, {
      problem: 'A3',
      aspect: '理论学习',
      owner: 'member',
      deadline: null,
    });
    await as('member', 'POST', `/api/rectifications/${a3}/status`, { status: 'done' });
    await item(second, {
      problem: 'B1',
      aspect: '理论学习',
      owner: 'deputy',
      deadline: '2002-01-01',
    });
    await item(second, {
      problem: 'B2',
      aspect: '作风建设',
      owner: 'recorder',
      deadline: '2029-06-30',
    });
  });
  afterAll(() => server.close());

  function as(caller: Caller, method: string, route: string, body?: unknown) {
    return api<Answer>(server, method, route, { token: callerToken(fixture, caller), body });
  }
  function id(key: string): number {
    return fixture.people[key]!.id;
  }
  async function item(
    meetingId: number,
    f: { problem: string; aspect: string; owner: string; deadline: string | null },
  ): Promise<number> {
    const res = await as('recorder', 'POST', `/api/meetings/${meetingId}/rectifications`, {
      source: 'self-check',
      problem: f.problem,
      aspect: f.aspect,
      ownerUserId: id(f.owner),
      deadline: f.deadline,
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.rectification.id;
  }
  const ledger = (caller: Caller, query = '') =>
    as(caller, 'GET', `/api/branches/${fixture.branchId}/rectifications${query}`);
  const problems = async (caller: Caller, query = ''): Promise<string[]> => {
    const res = await ledger(caller, query);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items.map((i) => i.problem);
  };

  it('shows the whole branch to its secretary, deputy and committee, by meeting then 序号', async () => {
    const all = ['B1', 'B2', 'A1', 'A2', 'A3'];
    expect(await problems('secretary')).toEqual(all);
    expect(await problems('deputy')).toEqual(all);
    expect(await problems('recorder')).toEqual(all);
  });

  it('shows an ordinary member only the meetings they were in, and outsiders nothing', async () => {
    expect(await problems('member')).toEqual(['A1', 'A2', 'A3']);
    expect(await problems('attendee')).toEqual(['A1', 'A2', 'A3']);
    expect(await problems('bystander')).toEqual([]);
    expect(await problems('admin')).toEqual([]);
    expect((await ledger('outsider')).status).toBe(404);
    expect((await ledger('supervisor')).status).toBe(404);
  });

  it('filters by meeting, status, owner, aspect and overdue', async () => {
    expect(await problems('secretary', `?meetingId=${second}`)).toEqual(['B1', 'B2']);
    expect(await problems('secretary', '?status=done')).toEqual(['A3']);
    expect(await problems('secretary', `?ownerId=${id('deputy')}`)).toEqual(['B1', 'A2']);
    expect(await problems('secretary', '?aspect=理论学习')).toEqual(['B1', 'A1', 'A3']);
    expect(await problems('secretary', '?overdue=true')).toEqual(['B1', 'A1']);
    expect(await problems('secretary', '?overdue=false')).toEqual(['B2', 'A2', 'A3']);
    const overdue = (await ledger('secretary', '?overdue=true')).body.items;
    expect(overdue.every((i) => i.overdue)).toBe(true);
  });

  it('sorts by deadline (none last), status and last change', async () => {
    expect(await problems('secretary', '?sort=deadline')).toEqual(['A1', 'B1', 'B2', 'A2', 'A3']);
    expect((await problems('secretary', '?sort=status')).at(-1)).toBe('A3');
    const a2 = (await ledger('secretary', '?aspect=担当作为')).body.items[0]!;
    await as('deputy', 'POST', `/api/rectifications/${a2.id}/progress`, {
      note: '已召开专题会',
      notedOn: '2027-01-10',
    });
    expect((await problems('secretary', '?sort=updated'))[0]).toBe('A2');
  });

  it('answers a page with the total', async () => {
    const page = await ledger('secretary', '?sort=deadline&pageSize=2&page=2');
    expect(page.body.total).toBe(5);
    expect(page.body.items.map((i) => i.problem)).toEqual(['B2', 'A2']);
  });

  it('refuses a query it does not understand', async () => {
    for (const query of ['?sort=owner', '?pageSize=1000', '?overdue=yes', '?colour=red']) {
      const res = await ledger('secretary', query);
      expect([query, res.status, res.body.error?.code]).toEqual([query, 400, 'invalid_request']);
    }
  });
});
