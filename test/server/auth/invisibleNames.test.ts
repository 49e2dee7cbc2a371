import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';

/** Names that look like 张三 (or 第一支部) but are not, or turn the text around them. */
const LOOKALIKES = [
  '张三\u200b', // zero-width space
  '张\u200d三', // zero-width joiner
  '张三\u200e', // left-to-right mark
  '\u202e三张', // right-to-left override
  '张\u2066三\u2069', // isolates
  '张\ufeff三', // byte-order mark (zero-width no-break space)
  '张\u00ad三', // soft hyphen
  '张\u2060三', // word joiner
  '张三\u{e0041}', // tag character
  '张\u3164三', // hangul filler
  '张\n三', // control
];

describe('names that cannot be told apart by looking', () => {
  let server: TestServer;
  let token: string;
  let userId: number;
  beforeAll(async () => {
    server = await startTestServer();
    token = await adminToken(server);
    const created = await api<{ user: { id: number } }>(server, 'POST', '/api/users', {
      token,
      body: { username: 'zhangsan', displayName: '张三', password: 'Anfang-2026-zs' },
    });
    expect(created.status).toBe(201);
    userId = created.body.user.id;
  });
  afterAll(() => server.close());

  it('are refused as display names of new users, and no one is created', async () => {
    for (const [i, displayName] of LOOKALIKES.entries()) {
      const res = await api<{ error: { code: string } }>(server, 'POST', '/api/users', {
        token,
        body: { username: `copy${i}`, displayName, password: 'Anfang-2026-zs' },
      });
      expect([displayName, res.status, res.body.error.code]).toEqual([
        displayName,
        400,
        'invalid_request',
      ]);
    }
    const rows = await storedRows<{ username: string }>(server, 'SELECT username FROM users');
    expect(rows.map((r) => r.username).sort()).toEqual(['admin', 'zhangsan']);
  });

  it('are refused when renaming a user, and the name stays', async () => {
    for (const displayName of LOOKALIKES) {
      const res = await api(server, 'PATCH', `/api/users/${userId}`, {
        token,
        body: { displayName },
      });
      expect([displayName, res.status]).toEqual([displayName, 400]);
    }
    const rows = await storedRows<{ display_name: string }>(
      server,
      'SELECT display_name FROM users WHERE id = ?',
      [userId],
    );
    expect(rows[0]!.display_name).toBe('张三');
  });

  it('are refused as usernames and branch names; ordinary names with spaces pass', async () => {
    const user = await api(server, 'POST', '/api/users', {
      token,
      body: { username: 'zhang\u200bsan', displayName: '张三', password: 'Anfang-2026-zs' },
    });
    expect(user.status).toBe(400);
    for (const name of ['第一支部\u200b', '\u202e部支一第']) {
      const res = await api(server, 'POST', '/api/branches', { token, body: { name } });
      expect([name, res.status]).toEqual([name, 400]);
    }
    const ok = await api(server, 'POST', '/api/branches', { token, body: { name: '第一 党支部' } });
    expect(ok.status).toBe(201);
    const renamed = await api(server, 'PATCH', `/api/users/${userId}`, {
      token,
      body: { displayName: '张　三 Zoë' },
    });
    expect(renamed.status).toBe(200);
  });
});
