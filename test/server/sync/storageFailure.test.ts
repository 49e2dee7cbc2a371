import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

describe('when storage refuses writes', () => {
  let server: TestServer;
  let token: string;
  let minutes: string;
  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    token = meeting.token;
    minutes = meeting.documentName('minutes');
  });
  afterAll(() => server.close());

  it('closes the document with 4503 (clients keep their edits and retry) and keeps serving', async () => {
    const client = connectProvider(server.syncUrl, minutes, token);
    await waitForSynced(client);
    const closes: number[] = [];
    client.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });

    // Break the storage under the running server, from another connection.
    const other = new Database(path.join(server.dataDir, 'shenghuohui.sqlite'));
    other.exec('DROP TABLE document_updates');
    other.close();
    client.doc.getText('text').insert(0, '存不下的修改');

    await waitFor(() => closes.includes(CloseCode.storageUnavailable), 'the 4503 close');
    // The edit stays in the client, to be sent again once storage is back.
    expect(client.doc.getText('text').toString()).toBe('存不下的修改');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    client.destroy();
    await waitFor(() => server.app.sync.stats().documents === 0, 'the failed room to be dropped');
  });
});
