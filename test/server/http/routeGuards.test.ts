import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, login } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

/** Every route behind sign-in, with a body where it takes one. */
const ROUTES: Array<[method: string, route: string, body?: unknown]> = [
  ['GET', '/api/users'],
  ['POST', '/api/users', { username: 'x1', displayName: 'x', password: 'Abcdefg-2026' }],
  ['PATCH', '/api/users/1', { disabled: true }],
  ['POST', '/api/users/1/password', { password: 'Abcdefg-2026' }],
  ['DELETE', '/api/users/1/sessions'],
  ['GET', '/api/audit'],
  ['GET', '/api/audit.csv'],
  ['GET', '/api/branches'],
  ['POST', '/api/branches', { name: '支部' }],
  ['GET', '/api/branches/1'],
  ['POST', '/api/branches/1/members', { userId: 1, role: 'member' }],
  ['DELETE', '/api/branches/1/members/1'],
  ['GET', '/api/branches/1/meetings'],
  ['GET', '/api/branches/1/templates'],
  [
    'POST',
    '/api/branches/1/templates',
    { kind: 'democratic-life', year: 2026, name: 'x', theme: '', aspects: [] },
  ],
  ['DELETE', '/api/branches/1/templates/custom-1'],
  ['GET', '/api/meetings'],
  ['POST', '/api/meetings', { branchId: 1, kind: 'democratic-life', title: 'x' }],
  ['GET', '/api/meetings/1'],
  ['PATCH', '/api/meetings/1', { title: 'x' }],
  ['PUT', '/api/meetings/1/participants', []],
  ['POST', '/api/meetings/1/status', { status: 'open' }],
  ['GET', '/api/meetings/1/candidates'],
  ['GET', '/api/meetings/1/speeches'],
];

describe('the guards in front of every route', () => {
  let server: TestServer;
  let admin: string;
  let fresh: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await adminToken(server);
    await api(server, 'POST', '/api/users', {
      token: admin,
      body: { username: 'neuling', displayName: '新用户', password: 'Anfang-2026' },
    });
    fresh = await login(server.url, 'neuling', 'Anfang-2026');
  });
  afterAll(() => server.close());

  async function codes(token: string | undefined, headers: Record<string, string> = {}) {
    const out: string[] = [];
    for (const [method, route, body] of ROUTES) {
      const res = await api<{ error?: { code: string } }>(server, method, route, {
        token,
        body,
        headers,
      });
      out.push(`${method} ${route} ${res.status} ${res.body?.error?.code ?? ''}`);
    }
    return out;
  }
  const expected = (status: number, code: string) =>
    ROUTES.map(([method, route]) => `${method} ${route} ${status} ${code}`);

  it('refuses every route without a session (401)', async () => {
    expect(await codes(undefined)).toEqual(expected(401, 'unauthenticated'));
  });

  it('refuses every route to a user who must first change the initial password (403)', async () => {
    expect(await codes(fresh)).toEqual(expected(403, 'password_change_required'));
  });

  it('refuses every cookie-authenticated change that comes from another origin (403)', async () => {
    const writes = ROUTES.filter(([method]) => method !== 'GET');
    for (const [method, route, body] of writes) {
      const res = await api<{ error: { code: string } }>(server, method, route, {
        body,
        headers: { cookie: `shh_session=${admin}`, origin: 'http://evil.example' },
      });
      expect(`${method} ${route} ${res.status} ${res.body.error.code}`).toBe(
        `${method} ${route} 403 cross_origin`,
      );
    }
  });
});
