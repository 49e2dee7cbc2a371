import { io as connectSocketIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MEETING_NAMESPACE } from '../../../shared/moderation/meetingEvents.js';
import { ConfigError, readEnv } from '../../../server/env.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

const ALLOWED = 'https://dangjian.example.org';

/** Opens a sync socket and resolves with 'read' once the server sent anything, else how it ended. */
function syncOutcome(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('message', () => {
      ws.close();
      resolve('read');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(`http ${res.statusCode}`);
      res.resume();
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => resolve(`closed ${code}`));
  });
}

/** Connects to socket.io's `/meeting` and resolves with 'connected' or the refusal. */
function meetingOutcome(
  server: TestServer,
  options: { headers: Record<string, string>; token?: string },
): Promise<string> {
  const socket = connectSocketIo(`${server.url}${MEETING_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: options.headers,
    auth: options.token ? { token: options.token } : {},
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(`refused: ${err.message}`);
    });
  });
}

describe('sockets that ride on the session cookie come from our own pages only', () => {
  let server: TestServer;
  let token: string;
  let doc: string;
  /** A page on another port of the same host: same site, so SameSite=Lax sends the cookie. */
  let samesite: string;
  beforeAll(async () => {
    server = await startTestServer({ allowedOrigins: [ALLOWED] });
    await adminToken(server);
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    token = meeting.token;
    doc = `${server.syncUrl}/${meeting.documentName('collective')}`;
    samesite = `http://127.0.0.1:${server.app.port + 1}`;
  });
  afterAll(() => server.close());

  it('refuses a sync upgrade with the cookie from another origin, before any byte of the document', async () => {
    const cookie = `shh_session=${token}`;
    expect(await syncOutcome(doc, { cookie, origin: samesite })).toBe('http 403');
    expect(await syncOutcome(doc, { cookie, origin: 'http://evil.example' })).toBe('http 403');
    expect(await syncOutcome(doc, { cookie })).toBe('http 403');
    expect(await syncOutcome(doc, { cookie, origin: server.url })).toBe('read');
    expect(await syncOutcome(doc, { cookie, origin: ALLOWED })).toBe('read');
  });

  it('admits sync clients that present the token themselves', async () => {
    expect(await syncOutcome(`${doc}?token=${token}`, {})).toBe('read');
    expect(await syncOutcome(doc, { authorization: `Bearer ${token}` })).toBe('read');
  });

  it('refuses a socket.io handshake with the cookie from another origin', async () => {
    const cookie = `shh_session=${token}`;
    for (const origin of ['http://evil.example', samesite]) {
      expect(await meetingOutcome(server, { headers: { cookie, origin } })).toMatch(/^refused/);
      // A token in the connect packet does not make a foreign page's cookie acceptable.
      expect(await meetingOutcome(server, { headers: { cookie, origin }, token })).toMatch(
        /^refused/,
      );
    }
    expect(await meetingOutcome(server, { headers: { cookie, origin: server.url } })).toBe(
      'connected',
    );
    expect(await meetingOutcome(server, { headers: { cookie, origin: ALLOWED } })).toBe(
      'connected',
    );
  });

  it('admits socket.io clients that present the token themselves', async () => {
    expect(await meetingOutcome(server, { headers: {}, token })).toBe('connected');
  });

  it('lets REST writes through from the configured origins by the same rule', async () => {
    const cookie = `shh_session=${token}`;
    const body = { meetingId: 1 };
    const foreign = await api(server, 'POST', '/api/auth/logout', {
      body,
      headers: { cookie, origin: samesite },
    });
    expect(foreign.status).toBe(403);
    const allowed = await api(server, 'POST', '/api/auth/logout', {
      body,
      headers: { cookie, origin: ALLOWED },
    });
    expect(allowed.status).toBe(200);
  });
});

describe('ALLOWED_ORIGINS', () => {
  it('takes a list of origins and refuses anything else', () => {
    const config = readEnv({ ALLOWED_ORIGINS: ' https://a.example.org/ , http://b.example:8080' });
    expect(config.allowedOrigins).toEqual(['https://a.example.org', 'http://b.example:8080']);
    expect(readEnv({}).allowedOrigins).toEqual([]);
    for (const bad of ['a.example.org', 'ftp://a.example.org', '*']) {
      expect(() => readEnv({ ALLOWED_ORIGINS: bad })).toThrow(ConfigError);
    }
  });
});
