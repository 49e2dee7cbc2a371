import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEnv, type AppConfig } from '../../server/env.js';
import type { PasswordCost } from '../../server/auth/PasswordHasher.js';
import { createLogger, type Logger } from '../../server/log/createLogger.js';
import { startApp, type RunningApp, type StartOptions } from '../../server/startApp.js';
import { dropTestDatabase, testDatabaseUrl } from './testDatabase.js';

export interface TestServer {
  app: RunningApp;
  url: string;
  /** ws://127.0.0.1:<port>/yjs — the serverUrl for y-websocket providers. */
  syncUrl: string;
  dataDir: string;
  config: AppConfig;
  /** Stop the server (keeping the data dir). */
  stop(): Promise<void>;
  /** Stop the server and delete its data dir. */
  close(): Promise<void>;
}

/**
 * Argon2's minimum (8 KiB, one pass): fixtures hash dozens of passwords each, which at the
 * production cost is most of their time. Tests about hashing itself pass
 * `PRODUCTION_PASSWORD_COST`; servers from spawnServer.ts always hash at it.
 */
export const TEST_PASSWORD_COST: Readonly<PasswordCost> = Object.freeze({
  memoryCost: 8,
  timeCost: 1,
  parallelism: 1,
});

export function makeTempDir(prefix = 'shh-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A real server on 127.0.0.1, port 0, with its own temp data dir unless one is given; on
 * PostgreSQL runs (`TEST_DATABASE=postgres`) with a schema of its own unless a URL is given.
 * `options.now` is the server's clock; the server is silent unless `options.logger` is given;
 * passwords are hashed at `TEST_PASSWORD_COST` unless `options.passwordCost` is given.
 */
export async function startTestServer(
  overrides: Partial<AppConfig> = {},
  {
    logger,
    passwordCost = TEST_PASSWORD_COST,
    ...options
  }: StartOptions & { logger?: Logger } = {},
): Promise<TestServer> {
  const base = readEnv({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const dataDir = overrides.dataDir ?? makeTempDir();
  const config: AppConfig = {
    ...base,
    ...overrides,
    dataDir,
    databaseUrl: overrides.databaseUrl ?? (await testDatabaseUrl(dataDir)),
    shutdownGraceMs: overrides.shutdownGraceMs ?? 500,
    syncLimits: { ...base.syncLimits, ...overrides.syncLimits },
  };
  const app = await startApp(config, logger ?? createLogger(config.logLevel), {
    ...options,
    passwordCost,
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    url: app.url,
    syncUrl: app.url.replace(/^http/, 'ws') + '/yjs',
    dataDir,
    config,
    stop,
    close: async () => {
      await stop();
      await dropTestDatabase(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
