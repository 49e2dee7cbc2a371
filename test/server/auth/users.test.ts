import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

describe('POST /api/users', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await adminToken(server);
  });
  afterAll(() => server.close());

  it('lets an admin create a user who must change the initial password', async () => {
    const created = await api<{
      user: { username: string; displayName: string; mustChangePassword: boolean };
    }>(server, 'POST', '/api/users', {
      token: admin,
      body: { username: 'zhangsan', displayName: '张三', password: 'Anfang-2026' },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'zhangsan',
      displayName: '张三',
      mustChangePassword: true,
    });
    const login = await api<{ token: string }>(server, 'POST', '/api/auth/login', {
      body: { username: 'zhangsan', password: 'Anfang-2026' },
    });
    const gated = await api(server, 'POST', '/api/users', {
      token: login.body.token,
      body: { username: 'lisi', displayName: '李四', password: 'Anfang-2026' },
    });
    expect(gated.status).toBe(403);
  });

  it('refuses non-admins, taken names, weak passwords and bad bodies without creating anyone', async () => {
    await api(server, 'POST', '/api/users', {
      token: admin,
      body: { username: 'wangwu', displayName: '王五', password: 'Anfang-2026' },
    });
    const wangwu = await api<{ token: string }>(server, 'POST', '/api/auth/login', {
      body: { username: 'wangwu', password: 'Anfang-2026' },
    });
    await api(server, 'POST', '/api/auth/password', {
      token: wangwu.body.token,
      body: { oldPassword: 'Anfang-2026', newPassword: 'Eigenes-2026' },
    });
    const cases: Array<[string | undefined, unknown, number, string]> = [
      [
        undefined,
        { username: 'x1', displayName: 'X', password: 'Anfang-2026' },
        401,
        'unauthenticated',
      ],
      [
        wangwu.body.token,
        { username: 'x2', displayName: 'X', password: 'Anfang-2026' },
        403,
        'forbidden',
      ],
      [
        admin,
        { username: 'wangwu', displayName: 'X', password: 'Anfang-2026' },
        409,
        'username_taken',
      ],
      [admin, { username: 'x3', displayName: 'X', password: 'short' }, 400, 'weak_password'],
      [admin, { username: 'x4', displayName: 'X', password: 'x4' }, 400, 'weak_password'],
      [
        admin,
        { username: 'bad name', displayName: 'X', password: 'Anfang-2026' },
        400,
        'invalid_request',
      ],
      [admin, { username: 'x5', displayName: '', password: 'Anfang-2026' }, 400, 'invalid_request'],
      [
        admin,
        { username: 'x6', displayName: 'X', password: 'Anfang-2026', isAdmin: true },
        400,
        'invalid_request',
      ],
    ];
    for (const [token, body, status, code] of cases) {
      const res = await api<{ error: { code: string } }>(server, 'POST', '/api/users', {
        token,
        body,
      });
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    for (const name of ['x1', 'x2', 'x3', 'x4', 'x5', 'x6']) {
      const login = await api(server, 'POST', '/api/auth/login', {
        body: { username: name, password: 'Anfang-2026' },
      });
      expect(login.status).toBe(401);
    }
  });
});
