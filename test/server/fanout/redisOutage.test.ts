import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { keepTyping } from '../../helpers/keepTyping.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { startRedisServer, type RedisServer } from '../../helpers/redisServer.js';
import { startCluster, type TestCluster } from '../../helpers/startCluster.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

// The outage the issue asks about: long enough for several of ioredis's reconnect attempts.
const OUTAGE_MS = 10_000;

describe('Redis away for ten seconds while people edit', () => {
  let redis: RedisServer;
  let cluster: TestCluster;
  let fixture: MeetingFixture;
  const clients: ProviderClient[] = [];
  const watchers: MeetingClient[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    cluster = await startCluster(2, 'redisout', { redisUrl: redis.url });
    fixture = await createMeetingFixture(cluster.servers[0]!, NEW_ADMIN_PASSWORD, {
      statuses: ['open', 'in-progress'],
    });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const w of watchers) w.close();
    await cluster.close();
    await redis.close();
  });

  it('each instance serves its own clients meanwhile, and all converge once it is back', async () => {
    const [first, second] = cluster.servers as [
      (typeof cluster.servers)[0],
      (typeof cluster.servers)[0],
    ];
    const name = `m/${fixture.meeting.id}/collective`;
    const { secretary, member, deputy, recorder } = fixture.people;
    const editors = [
      connectProvider(first.syncUrl, name, secretary!.token),
      connectProvider(second.syncUrl, name, member!.token),
    ];
    clients.push(...editors);
    await Promise.all(editors.map((c) => waitForSynced(c)));
    const host = await connectMeetingClient(first, secretary!.token);
    const watcher = await connectMeetingClient(second, recorder!.token);
    watchers.push(host, watcher);
    for (const w of [host, watcher]) await w.join(fixture.meeting.id);

    const typing = keepTyping(editors, 50);
    const typed: string[] = [];
    const text = (c: ProviderClient) => c.doc.getText('t').toString();
    try {
      await new Promise((r) => setTimeout(r, 300));
      await redis.stop();
      const outageEnds = Date.now() + OUTAGE_MS;

      // Readiness says so, but the instances go on serving their own clients.
      await waitFor(
        async () => (await fetch(`${first.url}/api/ready`)).status === 503,
        'readiness to drop',
      );
      const sameInstance = connectProvider(first.syncUrl, name, deputy!.token);
      clients.push(sameInstance);
      await waitForSynced(sameInstance);
      const before = text(editors[0]!);
      await waitFor(
        () => text(sameInstance).length >= before.length,
        'a new reader on the first instance to get its writer’s text',
      );
      const ack = await host.command(fixture.meeting.id, { type: 'startPhase', phaseId: 'p4' });
      if (!ack.ok) throw new Error(ack.error.code);

      await new Promise((r) => setTimeout(r, outageEnds - Date.now()));
      await redis.start();
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      typed.push(...typing.stop());
    }

    await waitFor(
      () => clients.every((c) => text(c) === text(editors[0]!)),
      'every client to converge after Redis returned',
      20_000,
    );
    expect(typed.filter((token) => !text(editors[0]!).includes(token))).toEqual([]);
    expect((await storedDocument(first, name)).getText('t').toString()).toBe(text(editors[0]!));
    // The command taken during the outage reaches the watcher on the other instance.
    const latest = () => watcher.states.at(-1)?.state;
    await waitFor(
      () => latest()?.currentPhaseId === 'p4',
      'the phase change on the second instance',
    );
    for (const server of cluster.servers) {
      await waitFor(
        async () => (await fetch(`${server.url}/api/ready`)).status === 200,
        'readiness to return',
      );
    }
  });
});
