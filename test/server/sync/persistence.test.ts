import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import {
  SPAWNED_ADMIN_PASSWORD,
  setSpawnedAdminPassword,
  spawnServer,
} from '../../helpers/spawnServer.js';
import { makeTempDir, startTestServer } from '../../helpers/startTestServer.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';
import { syncStep1 } from '../../helpers/protocolMessages.js';

const WRITERS = 3;

describe('durability', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('keeps the state when the server is stopped and started on the same data dir', async () => {
    const dataDir = makeTempDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startTestServer({ dataDir });
    await adminToken(first);
    const meeting = await createSoloMeeting(first, NEW_ADMIN_PASSWORD);
    const minutes = meeting.documentName('minutes');
    const writer = connectProvider(first.syncUrl, minutes, meeting.token);
    await waitForSynced(writer);
    writer.doc.getText('text').insert(0, '会议记录：');
    writer.doc.getMap('meta').set('recorder', '王五');
    // Stop gracefully right away: what the client sent must be flushed on shutdown.
    await waitFor(
      () => writer.provider.wsconnected && writer.doc.getText('text').length > 0,
      'edit',
    );
    await new Promise((r) => setTimeout(r, 50));
    writer.destroy();
    await first.stop();

    const second = await startTestServer({ dataDir });
    cleanups.push(() => second.stop());
    // Sessions are stored too: the same token still works.
    const reader = connectProvider(second.syncUrl, minutes, meeting.token);
    cleanups.push(() => reader.destroy());
    await waitForSynced(reader);
    await waitFor(
      () => reader.doc.getText('text').toString() === '会议记录：',
      'text after restart',
    );
    expect(reader.doc.getMap('meta').get('recorder')).toBe('王五');
  });

  // Spawned servers start under tsx with a 90 s guard each: the test's own guard allows for them.
  it(
    'loses no update that any client had seen when the process is killed with SIGKILL',
    { timeout: 240_000 },
    async () => {
      const dataDir = makeTempDir();
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const server = await spawnServer(dataDir);
      cleanups.push(() => void server.child.kill('SIGKILL'));
      await setSpawnedAdminPassword(server);
      const meeting = await createSoloMeeting(server, SPAWNED_ADMIN_PASSWORD);
      const doc = meeting.documentName('minutes');
      const clients: ProviderClient[] = [];
      for (let i = 0; i < WRITERS; i++)
        clients.push(connectProvider(server.syncUrl, doc, meeting.token));
      await Promise.all(clients.map((c) => waitForSynced(c)));

      // seen[w] = the highest sequence number of writer w that any other client received.
      const seen = new Array<number>(WRITERS).fill(0);
      clients.forEach((observer, o) => {
        for (let w = 0; w < WRITERS; w++) {
          if (w === o) continue;
          const items = observer.doc.getArray<number>(`writer-${w}`);
          items.observe(() => {
            seen[w] = Math.max(seen[w]!, items.length);
          });
        }
      });

      // Stream edits from every writer until the kill.
      let streaming = true;
      const streams = clients.map(async (client, w) => {
        const items = client.doc.getArray<number>(`writer-${w}`);
        for (let seq = 1; streaming && seq < 100_000; seq++) {
          items.push([seq]);
          await new Promise((r) => setTimeout(r, 2));
        }
      });
      await waitFor(() => seen.every((s) => s > 100), 'edits to flow between clients', 20_000);
      server.child.kill('SIGKILL');
      streaming = false;
      const { signal } = await server.exited;
      expect(signal).toBe('SIGKILL');
      const seenAtKill = [...seen];
      for (const c of clients) c.destroy();
      await Promise.all(streams);

      const restarted = await spawnServer(dataDir);
      cleanups.push(() => void restarted.child.kill('SIGKILL'));
      const reader = connectProvider(restarted.syncUrl, doc, meeting.token);
      cleanups.push(() => reader.destroy());
      await waitForSynced(reader);
      for (let w = 0; w < WRITERS; w++) {
        const items = reader.doc.getArray<number>(`writer-${w}`).toArray();
        expect(items.length).toBeGreaterThanOrEqual(seenAtKill[w]!);
        expect(items.slice(0, seenAtKill[w])).toEqual(
          Array.from({ length: seenAtKill[w]! }, (_, i) => i + 1),
        );
      }
    },
  );

  // Spawned servers start under tsx with a 90 s guard each: the test's own guard allows for them.
  it(
    'on SIGTERM closes sockets with "going away", flushes and exits 0',
    { timeout: 240_000 },
    async () => {
      const dataDir = makeTempDir();
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const server = await spawnServer(dataDir);
      cleanups.push(() => void server.child.kill('SIGKILL'));
      await setSpawnedAdminPassword(server);
      const meeting = await createSoloMeeting(server, SPAWNED_ADMIN_PASSWORD);
      const raw = await openRawSocket(
        `${server.syncUrl}/${meeting.documentName('minutes')}?token=${meeting.token}`,
      );
      raw.ws.send(syncStep1(new Y.Doc()));
      await waitFor(() => raw.messages.length >= 2, 'sync step 1 and 2 from the server');
      server.child.kill('SIGTERM');
      expect((await raw.closed).code).toBe(CloseCode.goingAway);
      expect(await server.exited).toEqual({ code: 0, signal: null });
    },
  );
});
