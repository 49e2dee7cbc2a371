import { io as connectSocketIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { startSyncTestServer } from '../../helpers/startSyncTestServer.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';
import { rawUpgrade } from '../../helpers/rawUpgrade.js';

describe('one HTTP server for the API, the client, sync and socket.io', () => {
  let server: TestServer;
  /** The secretary's, who may write `doc`, their meeting's minutes. */
  let token: string;
  let doc: string;
  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    token = meeting.token;
    doc = meeting.documentName('minutes');
  });
  afterAll(() => server.close());

  it('answers GET /api/health without authentication', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; uptimeSeconds: number };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('answers unknown API routes and bad bodies with the JSON error shape', async () => {
    const anonymous = await fetch(`${server.url}/api/nothing-here`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in first.', key: 'unauthenticated' },
    });
    // The message follows Accept-Language; the code and the key do not.
    const inChinese = await fetch(`${server.url}/api/nothing-here`, {
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
    });
    expect(await inChinese.json()).toEqual({
      error: { code: 'unauthenticated', message: '请先登录。', key: 'unauthenticated' },
    });

    const badJson = await fetch(`${server.url}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"unclosed": ',
    });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe(
      'entity_parse_failed',
    );

    const huge = await fetch(`${server.url}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe(
      'entity_too_large',
    );
  });

  it('serves index.html for client routes (or says the client is not built)', async () => {
    const res = await fetch(`${server.url}/meetings/1/docs/minutes`);
    if (res.status === 503) {
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'client_not_built',
      );
    } else {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('carries socket.io beside a sync upgrade that takes longer than a second', async () => {
    // engine.io kills foreign upgrades that are not finished within a second unless
    // destroyUpgrade is false: start one, and finish it only after 1.5 s.
    const slow = await rawUpgrade(`${server.syncUrl}/${doc}?token=${token}`);
    const socket = connectSocketIo(server.url, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    expect(socket.connected).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(slow.destroyed).toBe(false);
    socket.close();
    slow.destroy();

    const client = connectProvider(server.syncUrl, doc, token);
    await waitForSynced(client);
    client.destroy();
  });
});

describe('connection limits', () => {
  it('closes a client that does not read (back-pressure) instead of buffering for it', async () => {
    const server = await startSyncTestServer({
      limits: { maxBufferedBytes: 256 * 1024, maxMessageBytes: 1024 * 1024 },
    });
    try {
      const writer = connectProvider(server.syncUrl, 'scratch/pressure');
      await waitForSynced(writer);
      // A reader that completes the handshake and then never reads from its socket.
      const stalled = await rawUpgrade(`${server.syncUrl}/scratch/pressure`);
      stalled.pause();
      await waitFor(() => server.sync.stats().connections === 2, 'both connected');
      const chunk = 'x'.repeat(100 * 1024);
      for (let i = 0; i < 200 && server.sync.stats().connections === 2; i++) {
        writer.doc.getText('text').insert(0, chunk);
        await new Promise((r) => setTimeout(r, 5));
      }
      await waitFor(() => server.sync.stats().connections === 1, 'the stalled reader closed');
      stalled.destroy();
      // The writer was not affected.
      expect(writer.provider.wsconnected).toBe(true);
      writer.destroy();
    } finally {
      await server.close();
    }
  });

  it('drops a peer that stops answering pings', async () => {
    const server = await startSyncTestServer({ limits: { pingIntervalMs: 100 } });
    try {
      // A raw TCP client never answers pings; a ws client answers them automatically.
      const silent = await rawUpgrade(`${server.syncUrl}/scratch/silent`);
      const answering = connectProvider(server.syncUrl, 'scratch/silent');
      await waitForSynced(answering);
      await waitFor(() => silent.destroyed, 'the silent peer to be dropped', 5000);
      await new Promise((r) => setTimeout(r, 300));
      expect(answering.provider.wsconnected).toBe(true);
      answering.destroy();
    } finally {
      await server.close();
    }
  });
});
