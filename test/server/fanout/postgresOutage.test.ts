import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { startPostgresCluster, type PostgresCluster } from '../../helpers/postgresCluster.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

describe('PostgreSQL away while people edit', () => {
  let postgres: PostgresCluster;
  let server: TestServer;
  const clients: ProviderClient[] = [];

  beforeAll(async () => {
    postgres = await startPostgresCluster();
    server = await startTestServer({ databaseUrl: postgres.url });
    await adminToken(server);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    await postgres.close();
  });

  it('acknowledges nothing it cannot store, says so, and takes the edits once it is back', async () => {
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    const name = meeting.documentName('collective');
    const writer = connectProvider(server.syncUrl, name, meeting.token);
    const reader = connectProvider(server.syncUrl, name, meeting.token);
    clients.push(writer, reader);
    await Promise.all(clients.map((c) => waitForSynced(c)));
    const closes: number[] = [];
    writer.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    const text = (c: ProviderClient) => c.doc.getText('t').toString();
    writer.doc.getText('t').insert(0, '停库之前；');
    await waitFor(() => text(reader) === '停库之前；', 'the first edit at the reader');

    await postgres.stop();
    writer.doc.getText('t').insert(text(writer).length, '停库期间写的');
    await waitFor(() => closes.includes(CloseCode.storageUnavailable), 'the 4503 close');
    // Requests are answered as such, and the instance is not ready.
    const list = await api<{ error: { code: string } }>(server, 'GET', '/api/meetings', {
      token: meeting.token,
    });
    expect([list.status, list.body.error.code]).toEqual([503, 'storage_unavailable']);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(503);
    // The writer keeps its edit; nobody else is shown what was not stored.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(text(writer)).toBe('停库之前；停库期间写的');
    expect(text(reader)).toBe('停库之前；');

    await postgres.start();
    await waitFor(
      () => text(reader) === '停库之前；停库期间写的',
      'the edit to arrive once PostgreSQL is back',
      20_000,
    );
    expect((await storedDocument(server, name)).getText('t').toString()).toBe(text(reader));
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
  });
});
