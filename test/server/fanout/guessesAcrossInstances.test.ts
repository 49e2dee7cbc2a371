import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { startCluster, type TestCluster } from '../../helpers/startCluster.js';
import { storedRows } from '../../helpers/storedDocument.js';

describe('password guesses spread over three instances', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startCluster(3, 'guesses', { overrides: { trustProxy: ['loopback'] } });
  });
  afterAll(() => cluster.close());

  it('check at most five passwords in all: the database, not each instance, keeps the count', async () => {
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        api(cluster.servers[i % 3]!, 'POST', '/api/auth/login', {
          body: { username: 'admin', password: i === 120 ? NEW_ADMIN_PASSWORD : `Falsch-${i}-aa` },
          headers: { 'x-forwarded-for': `10.7.${i >> 8}.${i & 255}` },
        }),
      ),
    );
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const rows = await storedRows<{ detail: string }>(
      cluster.servers[0]!,
      "SELECT detail FROM audit_log WHERE action = 'login.failure'",
    );
    const checked = rows.filter((r) => JSON.parse(r.detail).reason === 'password');
    expect([rows.length, checked.length]).toEqual([150, 5]);
    const late = await api(cluster.servers[1]!, 'POST', '/api/auth/login', {
      body: { username: 'admin', password: NEW_ADMIN_PASSWORD },
    });
    expect(late.status).toBe(401);
  });
});
