import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, api, login, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting, FIXTURE_PASSWORD } from '../../helpers/meetingFixture.js';
import { storedRows } from '../../helpers/storedDocument.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { openRawSocket, waitFor } from '../../helpers/syncClients.js';

const INITIAL = 'Anfang-2026';
const OWN = 'Eigenes-2026';

describe('admins manage accounts', () => {
  let server: TestServer;
  let admin: string;

  /** Creates a user who has set their own password; resolves with their id and a token. */
  async function readyUser(username: string): Promise<{ id: number; token: string }> {
    const created = await api<{ user: { id: number } }>(server, 'POST', '/api/users', {
      token: admin,
      body: { username, displayName: username, password: INITIAL },
    });
    const first = await login(server.url, username, INITIAL);
    await api(server, 'POST', '/api/auth/password', {
      token: first,
      body: { oldPassword: INITIAL, newPassword: OWN },
    });
    return { id: created.body.user.id, token: first };
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await adminToken(server);
  });
  afterAll(() => server.close());

  it('lists users for admins only', async () => {
    const user = await readyUser('lister');
    const list = await api<{ users: Array<{ username: string; disabled: boolean }> }>(
      server,
      'GET',
      '/api/users',
      { token: admin },
    );
    expect(list.status).toBe(200);
    expect(list.body.users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'lister']),
    );
    expect((await api(server, 'GET', '/api/users', { token: user.token })).status).toBe(403);
  });

  it('disabling a user ends their sessions and open sockets and refuses their sign-in until enabled', async () => {
    // The secretary of a meeting, so that a sync socket of theirs is admitted.
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD, 'disabled1');
    const me = await api<{ user: { id: number } }>(server, 'GET', '/api/auth/me', {
      token: meeting.token,
    });
    const user = { id: me.body.user.id, token: meeting.token };
    const socket = await openRawSocket(
      `${server.syncUrl}/${meeting.documentName('minutes')}?token=${user.token}`,
    );
    await waitFor(() => socket.messages.length > 0, 'the socket to be admitted');
    const res = await api<{ user: { disabled: boolean } }>(
      server,
      'PATCH',
      `/api/users/${user.id}`,
      {
        token: admin,
        body: { disabled: true },
      },
    );
    expect(res.body.user.disabled).toBe(true);
    expect((await socket.closed).code).toBe(CloseCode.unauthenticated);
    expect((await api(server, 'GET', '/api/auth/me', { token: user.token })).status).toBe(401);
    await expect(login(server.url, 'disabled1-secretary', FIXTURE_PASSWORD)).rejects.toThrow(/401/);
    await api(server, 'PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { disabled: false },
    });
    expect(await login(server.url, 'disabled1-secretary', FIXTURE_PASSWORD)).toEqual(
      expect.any(String),
    );
  });

  it('an admin cannot disable themselves', async () => {
    const me = await api<{ user: { id: number } }>(server, 'GET', '/api/auth/me', { token: admin });
    const res = await api<{ error: { code: string } }>(
      server,
      'PATCH',
      `/api/users/${me.body.user.id}`,
      {
        token: admin,
        body: { disabled: true },
      },
    );
    expect([res.status, res.body.error.code]).toEqual([403, 'cannot_disable_self']);
  });

  it('resetting a password ends the sessions and forces a change at the next sign-in', async () => {
    const user = await readyUser('reset1');
    const res = await api(server, 'POST', `/api/users/${user.id}/password`, {
      token: admin,
      body: { password: 'Zurueck-2026' },
    });
    expect(res.status).toBe(200);
    expect((await api(server, 'GET', '/api/auth/me', { token: user.token })).status).toBe(401);
    const again = await api<{ user: { mustChangePassword: boolean } }>(
      server,
      'POST',
      '/api/auth/login',
      {
        body: { username: 'reset1', password: 'Zurueck-2026' },
      },
    );
    expect(again.body.user.mustChangePassword).toBe(true);
  });

  it("ends a user's sessions on request", async () => {
    const user = await readyUser('ended1');
    const second = await login(server.url, 'ended1', OWN);
    const res = await api<{ ended: number }>(server, 'DELETE', `/api/users/${user.id}/sessions`, {
      token: admin,
    });
    expect(res.body.ended).toBe(2);
    expect((await api(server, 'GET', '/api/auth/me', { token: second })).status).toBe(401);
  });

  it('answers bad ids and bodies with 4xx and changes nothing, and audits what it did', async () => {
    const user = await readyUser('bad1');
    const cases: Array<[string, string, unknown, number]> = [
      ['PATCH', '/api/users/abc', { disabled: true }, 400],
      ['PATCH', '/api/users/0', { disabled: true }, 400],
      ['PATCH', '/api/users/999999', { disabled: true }, 404],
      ['PATCH', `/api/users/${user.id}`, {}, 400],
      ['PATCH', `/api/users/${user.id}`, { disabled: 'yes' }, 400],
      ['PATCH', `/api/users/${user.id}`, { isAdmin: true }, 400],
      ['POST', `/api/users/${user.id}/password`, { password: 'weak' }, 400],
      ['DELETE', '/api/users/-1/sessions', undefined, 400],
    ];
    for (const [method, route, body, status] of cases) {
      expect([route, (await api(server, method, route, { token: admin, body })).status]).toEqual([
        route,
        status,
      ]);
    }
    expect(
      (
        await api(server, 'PATCH', `/api/users/${user.id}`, {
          token: user.token,
          body: { disabled: true },
        })
      ).status,
    ).toBe(403);
    expect((await api(server, 'GET', '/api/auth/me', { token: user.token })).status).toBe(200);
    const actions = (
      await storedRows<{ action: string }>(server, 'SELECT action FROM audit_log')
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.disabled', 'user.enabled', 'password.reset', 'sessions.ended']),
    );
  });
});
