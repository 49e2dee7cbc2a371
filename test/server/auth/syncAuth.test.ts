import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, api, login } from '../../helpers/apiClient.js';
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
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await adminToken(server);
  });
  afterAll(() => server.close());

  it('refuses anonymous and unknown tokens with 4401, and audits it', async () => {
    const doc = `${server.syncUrl}/scratch/a`;
    expect(await outcome(doc)).toBe(CloseCode.unauthenticated);
    expect(await outcome(`${doc}?token=not-a-session`)).toBe(CloseCode.unauthenticated);
    expect(await outcome(doc, { cookie: 'shh_session=forged' })).toBe(CloseCode.unauthenticated);
    const db = new Database(path.join(server.dataDir, 'shenghuohui.sqlite'), { readonly: true });
    const refused = db
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'sync.refused'")
      .get() as { n: number };
    db.close();
    expect(refused.n).toBe(3);
  });

  it('admits a session given as ?token=, as a bearer header or as the cookie', async () => {
    const doc = `${server.syncUrl}/scratch/b`;
    expect(await outcome(`${doc}?token=${token}`)).toBe('synced');
    expect(await outcome(doc, { authorization: `Bearer ${token}` })).toBe('synced');
    expect(await outcome(doc, { cookie: `shh_session=${token}` })).toBe('synced');
  });

  it('refuses, with 4403, a user who must still change the initial password', async () => {
    await api(server, 'POST', '/api/users', {
      token,
      body: { username: 'zhaoliu', displayName: '赵六', password: 'Anfang-2026' },
    });
    const fresh = await login(server.url, 'zhaoliu', 'Anfang-2026');
    expect(await outcome(`${server.syncUrl}/scratch/c?token=${fresh}`)).toBe(CloseCode.forbidden);
  });

  it('closes the open sockets of a session when it signs out, and only those', async () => {
    const other = await login(server.url, 'admin', 'Neues-Passwort-2026');
    const leaving = connectProvider(server.syncUrl, 'scratch/d', other);
    const staying = connectProvider(server.syncUrl, 'scratch/d', token);
    await Promise.all([waitForSynced(leaving), waitForSynced(staying)]);
    const raw = await openRawSocket(`${server.syncUrl}/scratch/d?token=${other}`);
    expect((await api(server, 'POST', '/api/auth/logout', { token: other })).status).toBe(200);
    expect((await raw.closed).code).toBe(CloseCode.unauthenticated);
    await waitFor(() => !leaving.provider.wsconnected, 'the signed-out provider to be closed');
    expect(staying.provider.wsconnected).toBe(true);
    leaving.destroy();
    staying.destroy();
  });
});
