import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../server/env.js';
import { api, adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { storedRows } from '../../helpers/storedDocument.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

const servers: TestServer[] = [];
async function start(
  overrides: Parameters<typeof startTestServer>[0] = {},
  options: Parameters<typeof startTestServer>[1] = {},
): Promise<TestServer> {
  const server = await startTestServer(overrides, options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function auditActions(server: TestServer): Promise<string[]> {
  const rows = await storedRows<{ action: string }>(
    server,
    'SELECT action FROM audit_log ORDER BY id',
  );
  return rows.map((r) => r.action);
}

describe('first start and the one-time admin password', () => {
  it('creates the admin, requires the password change before anything else, then lets them in', async () => {
    const server = await start();
    expect(server.app.initialAdminPassword).toMatch(/^.{16}$/);
    const login = await api<{ user: { mustChangePassword: boolean }; token: string }>(
      server,
      'POST',
      '/api/auth/login',
      { body: { username: 'admin', password: server.app.initialAdminPassword } },
    );
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = login.body.token;
    expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(200);
    const gated = await api<{ error: { code: string } }>(server, 'GET', '/api/anything', { token });
    expect(gated.status).toBe(403);
    expect(gated.body.error.code).toBe('password_change_required');

    const weak = await api<{ error: { code: string } }>(server, 'POST', '/api/auth/password', {
      token,
      body: { oldPassword: server.app.initialAdminPassword, newPassword: 'password' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');
    const wrongOld = await api(server, 'POST', '/api/auth/password', {
      token,
      body: { oldPassword: 'not-it-1A', newPassword: NEW_ADMIN_PASSWORD },
    });
    expect(wrongOld.status).toBe(403);
    const changed = await api<{ user: { mustChangePassword: boolean } }>(
      server,
      'POST',
      '/api/auth/password',
      {
        token,
        body: { oldPassword: server.app.initialAdminPassword, newPassword: NEW_ADMIN_PASSWORD },
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await api(server, 'GET', '/api/anything', { token })).status).toBe(404);
    expect(await auditActions(server)).toEqual([
      'user.created',
      'login.success',
      'password.change_failed',
      'password.changed',
    ]);
  });

  it('takes the admin password from ADMIN_PASSWORD, and refuses to start with a weak one', async () => {
    const server = await start({ adminPassword: 'Gesetzt-2026!' });
    expect(server.app.initialAdminPassword).toBeNull();
    const login = await api<{ user: { mustChangePassword: boolean }; token: string }>(
      server,
      'POST',
      '/api/auth/login',
      {
        body: { username: 'admin', password: 'Gesetzt-2026!' },
      },
    );
    // It sits in a unit file or a shell history: the admin must replace it like a generated one.
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = login.body.token;
    const gated = await api<{ error: { code: string } }>(server, 'GET', '/api/users', { token });
    expect([gated.status, gated.body.error.code]).toEqual([403, 'password_change_required']);
    const changed = await api(server, 'POST', '/api/auth/password', {
      token,
      body: { oldPassword: 'Gesetzt-2026!', newPassword: NEW_ADMIN_PASSWORD },
    });
    expect(changed.status).toBe(200);
    expect((await api(server, 'GET', '/api/users', { token })).status).toBe(200);
    await expect(startTestServer({ adminPassword: 'admin' })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('signing in', () => {
  it('gives a wrong password and an unknown user the same answer', async () => {
    const server = await start();
    const wrong = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'admin', password: 'Nope-1234' },
    });
    const unknown = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'ghost', password: 'Nope-1234' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('locks the account after five failures, for the lock time only', async () => {
    // The lock's clock is moved, not waited for: a busy machine must not let it run out early.
    let t = Date.now();
    const server = await start({ loginLockMs: 600_000 }, { now: () => t });
    const password = server.app.initialAdminPassword!;
    for (let i = 0; i < 5; i++) {
      await api(server, 'POST', '/api/auth/login', {
        body: { username: 'admin', password: `Wrong-${i}-aa` },
      });
    }
    t += 599_000;
    const locked = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'admin', password },
    });
    expect(locked.status).toBe(401);
    expect(await auditActions(server)).toContain('account.locked');
    t += 1_000;
    const after = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'admin', password },
    });
    expect(after.status).toBe(200);
  });

  it('makes an address that keeps failing wait, whatever names it tries', async () => {
    const server = await start({ loginMaxFailuresPerAddress: 3 });
    for (const name of ['a1', 'b2', 'c3']) {
      await api(server, 'POST', '/api/auth/login', {
        body: { username: name, password: 'Wrong-1-aa' },
      });
    }
    const throttled = await api<{ error: { code: string } }>(server, 'POST', '/api/auth/login', {
      body: { username: 'admin', password: server.app.initialAdminPassword },
    });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe('too_many_attempts');
  });

  it('answers bad bodies with 400 invalid_request', async () => {
    const server = await start();
    for (const body of [
      {},
      { username: 'admin' },
      { username: 1, password: 2 },
      { username: 'a', password: 'b', extra: 1 },
      [],
    ]) {
      const res = await api<{ error: { code: string } }>(server, 'POST', '/api/auth/login', {
        body,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });
});

describe('sessions', () => {
  it('work as a cookie and as a bearer token, and logout ends them', async () => {
    const server = await start();
    const token = await adminToken(server);
    const cookie = `shh_session=${token}`;
    expect((await api(server, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(200);
    expect((await api(server, 'POST', '/api/auth/logout', { token })).status).toBe(200);
    expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await api(server, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('set an httpOnly SameSite=Lax cookie and store only a hash of the session id', async () => {
    const server = await start();
    const login = await api<{ token: string }>(server, 'POST', '/api/auth/login', {
      body: { username: 'admin', password: server.app.initialAdminPassword },
    });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^shh_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const stored = await storedRows<{ id_hash: string }>(server, 'SELECT id_hash FROM sessions');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id_hash).not.toContain(login.body.token);
  });

  // The server's clock is moved, not waited for: on a busy machine a real wait of a few hundred
  // milliseconds could also pass the idle time while a request was meant to land inside it.
  it('end when idle for too long, not while in use', async () => {
    let t = Date.UTC(2026, 11, 7, 9);
    const server = await start({ sessionIdleMs: 60_000 }, { now: () => t });
    const token = await adminToken(server);
    for (let i = 0; i < 5; i++) {
      t += 50_000;
      expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(200);
    }
    t += 60_000;
    expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('end after their absolute lifetime, however busy', async () => {
    let t = Date.UTC(2026, 11, 7, 9);
    const server = await start(
      { sessionIdleMs: 60_000, sessionMaxAgeMs: 300_000 },
      { now: () => t },
    );
    const token = await adminToken(server);
    for (let i = 0; i < 5; i++) {
      expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(200);
      t += 59_000;
    }
    t += 6_000;
    expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('refuse cookie-authenticated writes from another origin, not bearer ones', async () => {
    const server = await start();
    const token = await adminToken(server);
    const cookie = `shh_session=${token}`;
    const body = { oldPassword: NEW_ADMIN_PASSWORD, newPassword: 'Another-Pass-99' };
    const foreign = await api<{ error: { code: string } }>(server, 'POST', '/api/auth/password', {
      body,
      headers: { cookie, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('cross_origin');
    const noOrigin = await api(server, 'POST', '/api/auth/password', { body, headers: { cookie } });
    expect(noOrigin.status).toBe(403);
    const own = await api(server, 'POST', '/api/auth/password', {
      body,
      headers: { cookie, origin: server.url },
    });
    expect(own.status).toBe(200);
    const bearer = await api(server, 'POST', '/api/auth/password', {
      token,
      body: { oldPassword: 'Another-Pass-99', newPassword: NEW_ADMIN_PASSWORD },
      headers: { origin: 'http://evil.example' },
    });
    expect(bearer.status).toBe(200);
  });
});

describe('security headers', () => {
  it('send a Content-Security-Policy that allows no other origin', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('expired sessions', () => {
  it('are removed from the database when a new session starts', async () => {
    let t = Date.UTC(2026, 11, 7, 9);
    const server = await start({ sessionIdleMs: 60_000 }, { now: () => t });
    const password = server.app.initialAdminPassword!;
    for (let i = 0; i < 3; i++) {
      await api(server, 'POST', '/api/auth/login', { body: { username: 'admin', password } });
    }
    t += 60_000;
    await api(server, 'POST', '/api/auth/login', { body: { username: 'admin', password } });
    const [{ n }] = (await storedRows<{ n: number }>(
      server,
      'SELECT COUNT(*) AS n FROM sessions',
    )) as [{ n: number }];
    expect(n).toBe(1);
  });
});
