import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SyncLimits, type SyncLimitValues } from '../shared/sync/syncLimits.js';

/** Everything the server is configured with. Only `readEnv` builds one from the environment. */
export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  clientDir: string;
  logLevel: string;
  /** SQLite `synchronous` pragma: NORMAL survives a killed process, FULL also a power cut. */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** How long a graceful shutdown waits for sockets to close before ending them. */
  shutdownGraceMs: number;
  syncLimits: SyncLimitValues;
  version: string;
}

// tsx runs this file from server/, compiled code from dist/server/: both lead to the package root.
const parentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.basename(parentDir) === 'dist' ? path.dirname(parentDir) : parentDir;

/**
 * The environment variables the server reads. This is the only place that reads `process.env`.
 * Each variable is documented in docs/configuration.md.
 */
const envSchema = z.object({
  /** Address to listen on. Default 127.0.0.1; use 0.0.0.0 to serve the intranet. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** TCP port. Default 3000; 0 picks a free port (printed at start). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where the SQLite database lives. Default ./data. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** The built client. Default dist/client under the package root. */
  CLIENT_DIR: z.string().min(1).optional(),
  /** pino log level: fatal, error, warn, info, debug, trace, silent. Default info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** SQLite durability: NORMAL (default) or FULL. */
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /** Milliseconds a shutdown waits for clients to close. Default 5000. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** Reserved for PostgreSQL storage; not supported by this version. */
  DATABASE_URL: z.string().optional(),
  /** Reserved for multi-instance fan-out; not supported by this version. */
  REDIS_URL: z.string().optional(),
});

export class ConfigError extends Error {}

export function readEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  // Refuse rather than silently run on SQLite when an operator asked for PostgreSQL or Redis.
  if (e.DATABASE_URL) throw new ConfigError('DATABASE_URL is not supported by this version yet');
  if (e.REDIS_URL) throw new ConfigError('REDIS_URL is not supported by this version yet');
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    clientDir: path.resolve(e.CLIENT_DIR ?? path.join(rootDir, 'dist', 'client')),
    logLevel: e.LOG_LEVEL,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    syncLimits: { ...SyncLimits },
    version: readVersion(),
  };
}

/** The package version, for /api/health. */
function readVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
