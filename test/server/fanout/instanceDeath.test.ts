import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepTyping } from '../../helpers/keepTyping.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { createPostgresSchema, type PostgresSchema } from '../../helpers/postgresSchema.js';
import {
  SPAWNED_ADMIN_PASSWORD,
  setSpawnedAdminPassword,
  spawnServer,
  type SpawnedServer,
} from '../../helpers/spawnServer.js';
import { REDIS_URL } from '../../helpers/startCluster.js';
import { makeTempDir } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy.js';

describe('an instance killed while its clients edit', () => {
  let schema: PostgresSchema;
  let doomed: SpawnedServer;
  let survivor: SpawnedServer;
  let balancer: TcpProxy;
  const clients: ProviderClient[] = [];
  const dataDirs = [makeTempDir(), makeTempDir()];

  beforeAll(async () => {
    schema = await createPostgresSchema('death');
    const env = {
      DATABASE_URL: schema.url,
      REDIS_URL,
      REDIS_PREFIX: `test-death-${process.pid}-${Date.now()}`,
    };
    doomed = await spawnServer(dataDirs[0]!, env);
    survivor = await spawnServer(dataDirs[1]!, env);
    await setSpawnedAdminPassword(survivor);
    // A load balancer that sends each new connection to the first instance that takes it.
    const port = (s: SpawnedServer) => Number(new URL(s.url).port);
    balancer = await startTcpProxy([
      { host: '127.0.0.1', port: port(doomed) },
      { host: '127.0.0.1', port: port(survivor) },
    ]);
  }, 200_000);
  // Survives a setup that failed half-way: only what was started is stopped.
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await balancer?.close();
    const started = [doomed, survivor].filter((s): s is SpawnedServer => s !== undefined);
    for (const s of started) s.child.kill('SIGKILL');
    await Promise.all(started.map((s) => s.exited));
    await schema?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing: clients reconnect to the other instance and every edit is stored', async () => {
    const meeting = await createSoloMeeting(survivor, SPAWNED_ADMIN_PASSWORD);
    const name = meeting.documentName('collective');
    const viaBalancer = `ws://127.0.0.1:${balancer.port}/yjs`;
    for (const url of [viaBalancer, viaBalancer, survivor.syncUrl, survivor.syncUrl]) {
      clients.push(connectProvider(url, name, meeting.token));
    }
    await Promise.all(clients.map((c) => waitForSynced(c)));

    // Each client types a numbered token every 20 ms, before and after the kill. Counted in
    // rounds typed, not in time, so that a busy machine types as much as a quiet one.
    const typing = keepTyping(clients, 20);
    await waitFor(() => typing.rounds >= 20, 'twenty rounds typed before the kill');
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    const roundsAtKill = typing.rounds;
    // Typed while the doomed instance's clients were cut off, and again once they are back.
    await waitFor(() => typing.rounds >= roundsAtKill + 20, 'twenty rounds typed after the kill');
    await waitFor(() => clients.every((c) => c.provider.wsconnected), 'every client reconnected');
    const roundsBack = typing.rounds;
    await waitFor(() => typing.rounds >= roundsBack + 5, 'five rounds typed once reconnected');
    const everything = typing.stop();

    const text = (c: ProviderClient) => c.doc.getText('t').toString();
    await waitFor(
      () => clients.every((c) => text(c) === text(clients[0]!)),
      'the four clients to converge',
    );
    expect(everything.filter((token) => !text(clients[0]!).includes(token))).toEqual([]);
    // What every client saw is stored: the database holds exactly what they converged on.
    await waitFor(
      async () =>
        (await storedDocument({ dataDir: '', config: { databaseUrl: schema.url } }, name))
          .getText('t')
          .toString() === text(clients[0]!),
      'the stored copy to hold it all',
    );
  });
});
