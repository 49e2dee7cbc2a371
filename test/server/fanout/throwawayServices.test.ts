import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../../helpers/postgresCluster.js';
import { pingRedis, startRedisServer, type RedisServer } from '../../helpers/redisServer.js';

/** Resolves when the server ends an open connection (or it errors), as a stopped server must. */
function closedBy(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('error', () => undefined);
    socket.once('close', () => resolve());
  });
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('a throwaway redis-server', () => {
  let redis: RedisServer | undefined;
  afterAll(async () => {
    await redis?.close();
  });

  it('answers PING, refuses connections while stopped, and answers again on the same port', async () => {
    redis = await startRedisServer();
    expect(redis.port).not.toBe(6379);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await pingRedis(redis.port)).toBe('+PONG');

    const open = net.connect(redis.port, '127.0.0.1');
    await new Promise((resolve) => open.once('connect', resolve));
    const closed = closedBy(open);
    await redis.stop();
    await closed;
    await expect(pingRedis(redis.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    await redis.start();
    expect(await pingRedis(redis.port)).toBe('+PONG');

    await redis.close();
    await expect(pingRedis(redis.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('a throwaway PostgreSQL cluster', () => {
  let cluster: PostgresCluster | undefined;
  afterAll(async () => {
    await cluster?.close();
  });

  it('accepts queries, refuses connections while stopped, and keeps its data across a restart', async () => {
    cluster = await startPostgresCluster();
    expect(cluster.port).not.toBe(5432);
    expect(cluster.url).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`);
    const settings = await query(
      cluster.url,
      "SELECT current_setting('port') AS port, current_setting('fsync') AS fsync",
    );
    expect(settings.rows).toEqual([{ port: String(cluster.port), fsync: 'off' }]);
    await query(cluster.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('生活会')");

    // A connection open across the stop is ended by the server.
    const open = new pg.Client({ connectionString: cluster.url });
    await open.connect();
    // The server's "terminating connection" arrives as an error event while the client idles.
    open.on('error', () => undefined);
    await cluster.stop();
    await expect(open.query('SELECT 1')).rejects.toThrow();
    await open.end().catch(() => undefined);
    await expect(query(cluster.url, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    await cluster.start();
    const kept = await query(cluster.url, 'SELECT v FROM kept');
    expect(kept.rows).toEqual([{ v: '生活会' }]);

    await cluster.close();
    await expect(query(cluster.url, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
