import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, api, login, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting, FIXTURE_PASSWORD } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
} from '../../helpers/syncClients.js';

/** Opens a sync socket with extra headers and resolves with how it went. */
function outcome(url: string, headers: Record<string, string> = {}): Promise<'synced' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('error', () => undefined);
    ws.on('message', () => {
      ws.close();
      resolve('synced');
    });
    ws.on('close', (code) => resolve(code));
  });
}

describe('the sync channel admits signed-in users only', () => {
  let server: TestServer;
  /** The admin's, who creates users below but is in no meeting. */
  let token: string;
  /** The secretary's, who is in the meeting whose minutes `doc` is. */
  let secretaryToken: string;
  let doc: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await adminToken(server);
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    secretaryToken = meeting.token;
    doc = `${server.syncUrl}/${meeting.documentName('minutes')}`;
  });
  afterAll(() => server.close());

  it('refuses anonymous and unknown tokens with 4401 (counted in the audit log, refusalAudit.test.ts)', async () => {
    expect(await outcome(doc)).toBe(CloseCode.unauthenticated);
    expect(await outcome(`${doc}?token=not-a-session`)).toBe(CloseCode.unauthenticated);
    expect(await outcome(doc, { cookie: 'shh_session=forged', origin: server.url })).toBe(
      CloseCode.unauthenticated,
    );
  });

  it('admits a session given as ?token=, as a bearer header or as the cookie', async () => {
    expect(await outcome(`${doc}?token=${secretaryToken}`)).toBe('synced');
    expect(await outcome(doc, { authorization: `Bearer ${secretaryToken}` })).toBe('synced');
    // As a browser sends it: the cookie with our own page's Origin (socketOrigin.test.ts).
    expect(
      await outcome(doc, { cookie: `shh_session=${secretaryToken}`, origin: server.url }),
    ).toBe('synced');
  });

  it('refuses, with 4403, a user who must still change the initial password', async () => {
    await api(server, 'POST', '/api/users', {
      token,
      body: { username: 'zhaoliu', displayName: '赵六', password: 'Anfang-2026' },
    });
    const fresh = await login(server.url, 'zhaoliu', 'Anfang-2026');
    expect(await outcome(`${doc}?token=${fresh}`)).toBe(CloseCode.forbidden);
  });

  it('closes the open sockets of a session when it signs out, and only those', async () => {
    const other = await login(server.url, 'solo-secretary', FIXTURE_PASSWORD);
    const minutes = doc.slice(server.syncUrl.length + 1);
    const leaving = connectProvider(server.syncUrl, minutes, other);
    const staying = connectProvider(server.syncUrl, minutes, secretaryToken);
    await Promise.all([waitForSynced(leaving), waitForSynced(staying)]);
    const raw = await openRawSocket(`${doc}?token=${other}`);
    expect((await api(server, 'POST', '/api/auth/logout', { token: other })).status).toBe(200);
    expect((await raw.closed).code).toBe(CloseCode.unauthenticated);
    await waitFor(() => !leaving.provider.wsconnected, 'the signed-out provider to be closed');
    expect(staying.provider.wsconnected).toBe(true);
    leaving.destroy();
    staying.destroy();
  });
});
