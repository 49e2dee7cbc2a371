import { io as connectSocketIo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocketErrorCode } from '../../../shared/moderation/socketErrors.js';
import { adminToken, api, login, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

/** Resolves with the connected socket, or rejects with the server's connect_error message. */
function connect(
  server: TestServer,
  options: { token?: string; cookie?: string },
): Promise<Socket> {
  const socket = connectSocketIo(server.url, {
    transports: ['websocket'],
    reconnection: false,
    auth: options.token ? { token: options.token } : {},
    // As a browser sends it: the cookie with our own page's Origin (socketOrigin.test.ts).
    extraHeaders: options.cookie ? { cookie: options.cookie, origin: server.url } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(new Error(err.message));
    });
  });
}

describe('socket.io admits signed-in users only', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await adminToken(server);
  });
  afterAll(() => server.close());

  it('refuses anonymous sockets and forged tokens', async () => {
    await expect(connect(server, {})).rejects.toThrow(SocketErrorCode.unauthenticated);
    await expect(connect(server, { token: 'forged' })).rejects.toThrow(
      SocketErrorCode.unauthenticated,
    );
  });

  it('admits auth.token and the session cookie, and refuses a user who must change the password', async () => {
    (await connect(server, { token })).close();
    (await connect(server, { cookie: `shh_session=${token}` })).close();
    await api(server, 'POST', '/api/users', {
      token,
      body: { username: 'neu', displayName: '新人', password: 'Anfang-2026' },
    });
    const fresh = await login(server.url, 'neu', 'Anfang-2026');
    await expect(connect(server, { token: fresh })).rejects.toThrow(
      SocketErrorCode.passwordChangeRequired,
    );
  });

  it('disconnects the sockets of a session that signs out', async () => {
    const other = await login(server.url, 'admin', NEW_ADMIN_PASSWORD);
    const leaving = await connect(server, { token: other });
    const staying = await connect(server, { token });
    const reason = new Promise<string>((resolve) => leaving.once('disconnect', resolve));
    await api(server, 'POST', '/api/auth/logout', { token: other });
    expect(await reason).toBe('io server disconnect');
    expect(staying.connected).toBe(true);
    staying.close();
  });
});
