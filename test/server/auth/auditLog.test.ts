import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, login } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

interface Page {
  entries: Array<{
    id: number;
    at: number;
    action: string;
    actorId: number | null;
    actorName: string | null;
  }>;
  nextBefore: number | null;
}

describe('the audit log API', () => {
  let server: TestServer;
  let admin: string;
  let user: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await adminToken(server);
    // A display name a spreadsheet would run as a formula.
    await api(server, 'POST', '/api/users', {
      token: admin,
      body: { username: 'formula', displayName: '=HYPERLINK("x")', password: 'Anfang-2026' },
    });
    user = await login(server.url, 'formula', 'Anfang-2026');
    for (let i = 0; i < 7; i++) {
      await api(server, 'POST', '/api/auth/login', {
        body: { username: 'nobody', password: `Wrong-${i}-aa` },
      });
    }
  });
  afterAll(() => server.close());

  it('is for admins only', async () => {
    expect((await api(server, 'GET', '/api/audit')).status).toBe(401);
    expect((await api(server, 'GET', '/api/audit', { token: user })).status).toBe(403);
    expect((await api(server, 'GET', '/api/audit.csv', { token: user })).status).toBe(403);
  });

  it('pages newest first, without gaps or overlaps', async () => {
    const all = (await api<Page>(server, 'GET', '/api/audit?limit=200', { token: admin })).body
      .entries;
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const seen: number[] = [];
    let before: number | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const route: string = `/api/audit?limit=3${before === null ? '' : `&before=${before}`}`;
      const page = (await api<Page>(server, 'GET', route, { token: admin })).body;
      seen.push(...page.entries.map((e) => e.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it('filters by action prefix, actor and time', async () => {
    const failures = (
      await api<Page>(server, 'GET', '/api/audit?action=login.failure&limit=200', { token: admin })
    ).body;
    expect(failures.entries).toHaveLength(7);
    const logins = (
      await api<Page>(server, 'GET', '/api/audit?action=login.&limit=200', { token: admin })
    ).body;
    expect(logins.entries.every((e) => e.action.startsWith('login.'))).toBe(true);
    const formulaId = logins.entries.find((e) => e.actorName === '=HYPERLINK("x")')!.actorId!;
    const byActor = (
      await api<Page>(server, 'GET', `/api/audit?actorId=${formulaId}`, { token: admin })
    ).body;
    expect(byActor.entries.map((e) => e.action)).toEqual(['login.success']);
    const future = (
      await api<Page>(server, 'GET', `/api/audit?from=${Date.now() + 60_000}`, { token: admin })
    ).body;
    expect(future.entries).toEqual([]);
  });

  it('answers bad queries with 400 invalid_request', async () => {
    for (const query of [
      'limit=0',
      'limit=abc',
      'limit=201',
      'action=DROP%20TABLE',
      'before=-3',
      'what=1',
    ]) {
      const res = await api<{ error: { code: string } }>(server, 'GET', `/api/audit?${query}`, {
        token: admin,
      });
      expect([query, res.status, res.body.error.code]).toEqual([query, 400, 'invalid_request']);
    }
  });

  it('exports CSV with a BOM for Excel, neutralises formulas, and audits the export', async () => {
    const res = await fetch(`${server.url}/api/audit.csv?action=login.`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('时间,操作,操作人,对象,来源地址,详情');
    expect(lines.slice(1).every((l) => l.split(',')[1]!.startsWith('login.'))).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const exported = (
      await api<Page>(server, 'GET', '/api/audit?action=audit.exported', { token: admin })
    ).body;
    expect(exported.entries).toHaveLength(1);
  });
});
