import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, login } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

interface Member {
  userId: number;
  username: string;
  role: string;
}

describe('branches and their members', () => {
  let server: TestServer;
  let admin: string;
  const users: Record<string, { id: number; token: string }> = {};

  async function readyUser(username: string, displayName: string): Promise<void> {
    const created = await api<{ user: { id: number } }>(server, 'POST', '/api/users', {
      token: admin,
      body: { username, displayName, password: 'Anfang-2026' },
    });
    const token = await login(server.url, username, 'Anfang-2026');
    await api(server, 'POST', '/api/auth/password', {
      token,
      body: { oldPassword: 'Anfang-2026', newPassword: 'Eigenes-2026' },
    });
    users[username] = { id: created.body.user.id, token };
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await adminToken(server);
    await readyUser('shuji', '王书记');
    await readyUser('dangyuan', '李党员');
    await readyUser('outsider', '外人');
  });
  afterAll(() => server.close());

  it('an admin creates a branch and sets members with branch roles', async () => {
    const created = await api<{ branch: { id: number; name: string } }>(
      server,
      'POST',
      '/api/branches',
      {
        token: admin,
        body: { name: '第一党支部' },
      },
    );
    expect(created.status).toBe(201);
    const id = created.body.branch.id;
    await api(server, 'POST', `/api/branches/${id}/members`, {
      token: admin,
      body: { userId: users.shuji!.id, role: 'member' },
    });
    // Setting again changes the role.
    const set = await api<{ members: Member[] }>(server, 'POST', `/api/branches/${id}/members`, {
      token: admin,
      body: { userId: users.shuji!.id, role: 'secretary' },
    });
    await api(server, 'POST', `/api/branches/${id}/members`, {
      token: admin,
      body: { userId: users.dangyuan!.id, role: 'member' },
    });
    expect(set.body.members).toEqual([
      expect.objectContaining({ username: 'shuji', role: 'secretary' }),
    ]);

    const seen = await api<{ branch: { myRole: string }; members: Member[] }>(
      server,
      'GET',
      `/api/branches/${id}`,
      {
        token: users.dangyuan!.token,
      },
    );
    expect(seen.body.branch.myRole).toBe('member');
    expect(seen.body.members.map((m) => [m.username, m.role])).toEqual([
      ['shuji', 'secretary'],
      ['dangyuan', 'member'],
    ]);
    const mine = await api<{ branches: Array<{ name: string; myRole: string }> }>(
      server,
      'GET',
      '/api/branches',
      {
        token: users.shuji!.token,
      },
    );
    expect(mine.body.branches).toEqual([
      expect.objectContaining({ name: '第一党支部', myRole: 'secretary' }),
    ]);

    const removed = await api<{ members: Member[] }>(
      server,
      'DELETE',
      `/api/branches/${id}/members/${users.dangyuan!.id}`,
      { token: admin },
    );
    expect(removed.body.members.map((m) => m.username)).toEqual(['shuji']);
    expect(
      (await api(server, 'GET', `/api/branches/${id}`, { token: users.dangyuan!.token })).status,
    ).toBe(404);
  });

  it('hides branches from outsiders and refuses everything but admins changing them', async () => {
    const { body } = await api<{ branch: { id: number } }>(server, 'POST', '/api/branches', {
      token: admin,
      body: { name: '第二党支部' },
    });
    const id = body.branch.id;
    await api(server, 'POST', `/api/branches/${id}/members`, {
      token: admin,
      body: { userId: users.shuji!.id, role: 'secretary' },
    });
    const outsider = users.outsider!.token;
    expect((await api(server, 'GET', `/api/branches/${id}`, { token: outsider })).status).toBe(404);
    const list = await api<{ branches: unknown[] }>(server, 'GET', '/api/branches', {
      token: outsider,
    });
    expect(list.body.branches).toEqual([]);
    const secretary = users.shuji!.token;
    const cases: Array<[string, string, string | undefined, unknown, number, string]> = [
      ['POST', '/api/branches', secretary, { name: 'x' }, 403, 'forbidden'],
      [
        'POST',
        `/api/branches/${id}/members`,
        secretary,
        { userId: users.outsider!.id, role: 'member' },
        403,
        'forbidden',
      ],
      ['POST', '/api/branches', undefined, { name: 'x' }, 401, 'unauthenticated'],
      ['POST', '/api/branches', admin, { name: '第二党支部' }, 409, 'name_taken'],
      ['POST', '/api/branches', admin, { name: '' }, 400, 'invalid_request'],
      ['POST', '/api/branches', admin, { name: 'x', extra: 1 }, 400, 'invalid_request'],
      [
        'POST',
        `/api/branches/${id}/members`,
        admin,
        { userId: users.outsider!.id, role: 'king' },
        400,
        'invalid_request',
      ],
      [
        'POST',
        `/api/branches/${id}/members`,
        admin,
        { userId: '7', role: 'member' },
        400,
        'invalid_request',
      ],
      [
        'POST',
        `/api/branches/${id}/members`,
        admin,
        { userId: 999999, role: 'member' },
        404,
        'not_found',
      ],
      [
        'POST',
        '/api/branches/999999/members',
        admin,
        { userId: users.outsider!.id, role: 'member' },
        404,
        'not_found',
      ],
      [
        'POST',
        '/api/branches/abc/members',
        admin,
        { userId: users.outsider!.id, role: 'member' },
        400,
        'invalid_request',
      ],
      [
        'DELETE',
        `/api/branches/${id}/members/${users.outsider!.id}`,
        admin,
        undefined,
        404,
        'not_found',
      ],
    ];
    for (const [method, route, token, reqBody, status, code] of cases) {
      const res = await api<{ error: { code: string } }>(server, method, route, {
        token,
        body: reqBody,
      });
      expect([method, route, res.status, res.body.error.code]).toEqual([
        method,
        route,
        status,
        code,
      ]);
    }
    const members = await api<{ members: Member[] }>(server, 'GET', `/api/branches/${id}`, {
      token: admin,
    });
    expect(members.body.members.map((m) => m.username)).toEqual(['shuji']);
  });
});
