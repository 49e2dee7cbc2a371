import { io as connectSocketIo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_NAMESPACE } from '../../../shared/moderation/meetingEvents.js';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, api, login, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting, FIXTURE_PASSWORD } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { openRawSocket, waitFor } from '../../helpers/syncClients.js';

function connectMeeting(server: TestServer, token: string): Promise<Socket> {
  const socket = connectSocketIo(`${server.url}${MEETING_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    auth: { token },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('changing one’s password', () => {
  let server: TestServer;
  let current: string;
  let doc: string;
  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    current = meeting.token;
    doc = `${server.syncUrl}/${meeting.documentName('collective')}`;
  });
  afterAll(() => server.close());

  it('ends every other session of the user, with their sockets, and keeps the current one', async () => {
    // Another browser of the same person (or whoever learned the old password).
    const other = await login(server.url, 'solo-secretary', FIXTURE_PASSWORD);
    const otherSync = await openRawSocket(`${doc}?token=${other}`);
    const currentSync = await openRawSocket(`${doc}?token=${current}`);
    const otherIo = await connectMeeting(server, other);
    const currentIo = await connectMeeting(server, current);
    const otherGone = new Promise<string>((resolve) => otherIo.once('disconnect', resolve));

    const changed = await api(server, 'POST', '/api/auth/password', {
      token: current,
      body: { oldPassword: FIXTURE_PASSWORD, newPassword: 'Ganz-Neu-2026' },
    });
    expect(changed.status).toBe(200);

    expect((await api(server, 'GET', '/api/auth/me', { token: other })).status).toBe(401);
    expect((await otherSync.closed).code).toBe(CloseCode.unauthenticated);
    expect(await otherGone).toBe('io server disconnect');

    expect((await api(server, 'GET', '/api/auth/me', { token: current })).status).toBe(200);
    // Each channel of the current session is still open after the others' closed.
    await waitFor(() => otherIo.disconnected, 'the other socket.io connection to close');
    expect(currentIo.connected).toBe(true);
    expect(currentSync.ws.readyState).toBe(currentSync.ws.OPEN);
    currentIo.close();
    otherIo.close();
    currentSync.ws.close();
  });
});
