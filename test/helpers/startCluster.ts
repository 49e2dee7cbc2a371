import { adminToken } from './apiClient.js';
import { createPostgresSchema, type PostgresSchema } from './postgresSchema.js';
import type { AppConfig } from '../../server/env.js';
import { startTestServer, type TestServer } from './startTestServer.js';

/** The Redis on this machine (and CI's). */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestCluster {
  servers: TestServer[];
  schema: PostgresSchema;
  redisPrefix: string;
  /** Another instance on the same database and Redis. */
  addInstance(): Promise<TestServer>;
  close(): Promise<void>;
}

/**
 * `count` real instances on ports of their own, sharing a fresh PostgreSQL schema and a Redis
 * (channels under a prefix of the test's own); the admin's password is set on the first.
 */
export async function startCluster(
  count: number,
  label: string,
  options: { redisUrl?: string; overrides?: Partial<AppConfig> } = {},
): Promise<TestCluster> {
  const schema = await createPostgresSchema(label);
  const redisPrefix = `test-${label}-${process.pid}-${Date.now()}`;
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const addInstance = () =>
    startTestServer({ ...options.overrides, databaseUrl: schema.url, redisUrl, redisPrefix });
  const servers: TestServer[] = [];
  // One after the other: the first migrates the schema and creates the admin.
  for (let i = 0; i < count; i++) servers.push(await addInstance());
  await adminToken(servers[0]!);
  return {
    servers,
    schema,
    redisPrefix,
    addInstance: async () => {
      const server = await addInstance();
      servers.push(server);
      return server;
    },
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
      await schema.drop();
    },
  };
}
