import { afterEach, describe, expect, it } from 'vitest';
import { PRODUCTION_PASSWORD_COST } from '../../../server/auth/PasswordHasher.js';
import { adminToken, api, login, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  startTestServer,
  TEST_PASSWORD_COST,
  type TestServer,
} from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';

// What OWASP's argon2id baseline looks like in a stored hash: 19 MiB, 2 passes, 1 lane.
const PRODUCTION = '$argon2id$v=19$m=19456,t=2,p=1';
const CHEAP = '$argon2id$v=19$m=8,t=1,p=1';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0).reverse()) await s.close();
});

/** The algorithm, version and cost a stored hash was made with (salt and digest cut off). */
async function storedCost(server: TestServer, username: string): Promise<string> {
  return (await storedHash(server, username)).split('$').slice(0, 4).join('$');
}

async function storedHash(server: TestServer, username: string): Promise<string> {
  const rows = await storedRows<{ password_hash: string }>(
    server,
    'SELECT password_hash FROM users WHERE username = ?',
    [username],
  );
  return rows[0]!.password_hash;
}

async function createUser(server: TestServer, admin: string, password: string): Promise<void> {
  const created = await api(server, 'POST', '/api/users', {
    token: admin,
    body: { username: 'zhaoliu', displayName: '赵六', password },
  });
  expect(created.status).toBe(201);
}

describe('password hashes', () => {
  it('are argon2id at OWASP cost for the admin, users created over REST, changes and resets', async () => {
    const server = await startTestServer({}, { passwordCost: PRODUCTION_PASSWORD_COST });
    servers.push(server);
    expect(await storedCost(server, 'admin')).toBe(PRODUCTION);
    const admin = await adminToken(server);
    expect(await storedCost(server, 'admin')).toBe(PRODUCTION);

    await createUser(server, admin, 'Anfang-2026-aa');
    expect(await storedCost(server, 'zhaoliu')).toBe(PRODUCTION);
    const created = await storedHash(server, 'zhaoliu');
    expect(created).not.toContain('Anfang-2026-aa');

    const users = await api<{ users: Array<{ id: number; username: string }> }>(
      server,
      'GET',
      '/api/users',
      { token: admin },
    );
    const id = users.body.users.find((u) => u.username === 'zhaoliu')!.id;
    const reset = await api(server, 'POST', `/api/users/${id}/password`, {
      token: admin,
      body: { password: 'Zurueck-2026-bb' },
    });
    expect(reset.status).toBe(200);
    expect(await storedCost(server, 'zhaoliu')).toBe(PRODUCTION);
    expect(await storedHash(server, 'zhaoliu')).not.toBe(created);
  });

  it('made at one cost are still checked after the server restarts at another, both ways', async () => {
    const first = await startTestServer({}, { passwordCost: PRODUCTION_PASSWORD_COST });
    servers.push(first);
    const admin = await adminToken(first);
    await createUser(first, admin, 'Anfang-2026-aa');
    await first.stop();

    // Same storage, cheap cost: the production hashes still check, new ones are cheap.
    const { dataDir, config } = first;
    const cheap = await startTestServer(
      { dataDir, databaseUrl: config.databaseUrl },
      { passwordCost: TEST_PASSWORD_COST },
    );
    servers.push(cheap);
    const token = await login(cheap.url, 'zhaoliu', 'Anfang-2026-aa');
    const changed = await api(cheap, 'POST', '/api/auth/password', {
      token,
      body: { oldPassword: 'Anfang-2026-aa', newPassword: 'Eigenes-2026-cc' },
    });
    expect(changed.status).toBe(200);
    expect(await storedCost(cheap, 'zhaoliu')).toBe(CHEAP);
    const wrong = await api(cheap, 'POST', '/api/auth/login', {
      body: { username: 'zhaoliu', password: 'Anfang-2026-aa' },
    });
    expect(wrong.status).toBe(401);
    await cheap.stop();

    // And back at production cost, the cheap hash checks too.
    const again = await startTestServer(
      { dataDir, databaseUrl: config.databaseUrl },
      { passwordCost: PRODUCTION_PASSWORD_COST },
    );
    servers.push(again);
    await login(again.url, 'zhaoliu', 'Eigenes-2026-cc');
    await login(again.url, 'admin', NEW_ADMIN_PASSWORD);
  });
});
