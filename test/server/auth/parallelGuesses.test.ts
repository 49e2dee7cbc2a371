import { afterEach, describe, expect, it } from 'vitest';
import { api, type ApiResponse } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';

const PASSWORD = 'Richtig-2026-aa';
const NEW_PASSWORD = 'Ganz-Neu-2026-xy';
const LOCK_MS = 15 * 60_000;
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A server behind a trusted proxy, so every guess can claim an address of its own. */
async function start(): Promise<{ server: TestServer; clock: { now: number } }> {
  const clock = { now: Date.UTC(2026, 0, 5, 9) };
  const server = await startTestServer(
    { adminPassword: PASSWORD, trustProxy: ['loopback'], loginLockMs: LOCK_MS },
    { now: () => clock.now },
  );
  servers.push(server);
  return { server, clock };
}

function signIn(server: TestServer, password: string, from: string): Promise<ApiResponse> {
  return api(server, 'POST', '/api/auth/login', {
    body: { username: 'admin', password },
    headers: { 'x-forwarded-for': from },
  });
}

/** `n` guesses at once, each from another address, the right password as guess `rightAt`. */
function burst(server: TestServer, n: number, rightAt: number): Promise<ApiResponse[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      signIn(server, i === rightAt ? PASSWORD : `Falsch-${i}-aa`, `10.9.${i >> 8}.${i & 255}`),
    ),
  );
}

/** The audit entries of `action` by their reason: which attempts had their password checked. */
async function reasons(server: TestServer, action: string): Promise<string[]> {
  const rows = await storedRows<{ detail: string }>(
    server,
    'SELECT detail FROM audit_log WHERE action = ? ORDER BY id',
    [action],
  );
  return rows.map((r) => (JSON.parse(r.detail) as { reason: string }).reason);
}

async function auditCount(server: TestServer, action: string): Promise<number> {
  return (await reasons(server, action)).length;
}

describe('guesses sent in parallel', () => {
  it('200 at once from 200 addresses: five passwords checked, the account locked, a late right one refused', async () => {
    const { server, clock } = await start();
    const answers = await burst(server, 200, 150);
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const failures = await reasons(server, 'login.failure');
    expect(failures).toHaveLength(200);
    expect(failures.filter((r) => r === 'password')).toHaveLength(5);
    expect(failures.filter((r) => r === 'locked')).toHaveLength(195);
    expect(await auditCount(server, 'login.success')).toBe(0);
    expect(await auditCount(server, 'account.locked')).toBe(1);
    const [row] = await storedRows<{ locked_until: number }>(
      server,
      'SELECT locked_until FROM users',
    );
    expect(Number(row!.locked_until)).toBe(clock.now + LOCK_MS);

    expect((await signIn(server, PASSWORD, '10.10.0.1')).status).toBe(401);
    clock.now += LOCK_MS - 1;
    expect((await signIn(server, PASSWORD, '10.10.0.2')).status).toBe(401);
    clock.now += 1;
    expect((await signIn(server, PASSWORD, '10.10.0.3')).status).toBe(200);
  });

  it('25 at once with the right password 21st: it does not sign in', async () => {
    const { server } = await start();
    const answers = await burst(server, 25, 20);
    expect(answers[20]!.status).toBe(401);
    const failures = await reasons(server, 'login.failure');
    expect(failures.filter((r) => r === 'password')).toHaveLength(5);
    expect(await auditCount(server, 'login.success')).toBe(0);
  });

  it('after a lock window the account has five attempts again, and a success resets them', async () => {
    const { server, clock } = await start();
    await burst(server, 10, -1);
    clock.now += LOCK_MS;
    await burst(server, 4, -1);
    expect((await signIn(server, PASSWORD, '10.10.0.1')).status).toBe(200);
    await burst(server, 4, -1);
    expect((await signIn(server, PASSWORD, '10.10.0.2')).status).toBe(200);
    const failures = await reasons(server, 'login.failure');
    expect(failures.filter((r) => r === 'password')).toHaveLength(5 + 4 + 4);
  });
});

describe('changing one’s password', () => {
  it('counts wrong current passwords against the same attempts, audits them, then answers 429', async () => {
    const { server, clock } = await start();
    const login = await signIn(server, PASSWORD, '10.10.0.1');
    const token = (login.body as { token: string }).token;
    const change = (oldPassword: string) =>
      api<{ error?: { code: string } }>(server, 'POST', '/api/auth/password', {
        token,
        body: { oldPassword, newPassword: NEW_PASSWORD },
      });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => change(`Nein-${i}-aa`)));
    expect(answers.filter((a) => a.status === 403)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(25);
    const failed = await reasons(server, 'password.change_failed');
    expect(failed.filter((r) => r === 'password')).toHaveLength(5);
    expect(failed.filter((r) => r === 'locked')).toHaveLength(25);
    expect(await auditCount(server, 'account.locked')).toBe(1);

    // Locked: the right current password is not even checked, nor may anyone sign in.
    const right = await change(PASSWORD);
    expect([right.status, right.body.error?.code]).toEqual([429, 'too_many_attempts']);
    expect((await signIn(server, PASSWORD, '10.10.0.2')).status).toBe(401);

    clock.now += LOCK_MS;
    expect((await change(PASSWORD)).status).toBe(200);
    expect((await signIn(server, NEW_PASSWORD, '10.10.0.3')).status).toBe(200);
  });
});
