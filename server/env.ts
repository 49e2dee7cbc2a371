import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_MIN_BALLOTS } from '../shared/appraisal/appraisalSchemas.js';
import { SyncLimits, type SyncLimitValues } from '../shared/sync/syncLimits.js';
import { compileTrustProxy } from './http/clientAddress.js';
import { normalizeOrigins } from './http/originPolicy.js';

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
  adminUsername: string;
  /** Absent: the first start generates a one-time password and prints it. */
  adminPassword?: string;
  sessionIdleMs: number;
  sessionMaxAgeMs: number;
  /** Failed sign-ins that lock an account, and for how long. */
  loginMaxFailures: number;
  loginLockMs: number;
  /** Failed sign-ins from one address within `loginLockMs` before it must wait. */
  loginMaxFailuresPerAddress: number;
  /** IANA time zone of the clock times the server writes into minutes (14:05 张三 …). */
  meetingTimeZone: string;
  /** `postgres://…`: store everything in PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  /** `redis://…`: several instances share the database and hear each other through Redis. */
  redisUrl?: string;
  /** Prefix of this deployment's Redis channels. */
  redisPrefix: string;
  /** Proxies (addresses, subnets, `loopback`, `uniquelocal`) whose X-Forwarded-* headers count. */
  trustProxy: string[];
  /** Origins besides the app's own whose pages may use the session cookie (REST writes, sockets). */
  allowedOrigins: string[];
  /** Ballots an appraisal round needs before it closes and shows its result. */
  appraisalMinBallots: number;
  /** When set, `/metrics` answers only requests bearing it; absent, only this machine. */
  metricsToken?: string;
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
  /** The admin created on the first start (with no users). Default admin. */
  ADMIN_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{2,64}$/)
    .default('admin'),
  /** Its password; when absent, a one-time password is generated and printed once. */
  ADMIN_PASSWORD: z.string().min(1).optional(),
  /** Minutes after which an unused session ends. Default 30. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  /** Hours after which any session ends. Default 12. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Minutes an account stays locked after LOGIN_MAX_FAILURES failed sign-ins. Default 15. */
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /** Failed sign-ins that lock an account. Default 5. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Time zone of the times written into minutes. Default Asia/Shanghai. */
  MEETING_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'not an IANA time zone, e.g. Asia/Shanghai')
    .default('Asia/Shanghai'),
  /** postgres://user:password@host:port/database selects PostgreSQL; absent, SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** A bearer token that /metrics requires from anywhere; absent, /metrics answers loopback only. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** redis://[:password@]host:port[/db] runs several instances on one PostgreSQL database. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  /**
   * The reverse proxies in front (nginx): comma-separated addresses, subnets, or loopback,
   * linklocal, uniquelocal. Their X-Forwarded-For gives the client's address, X-Forwarded-Proto
   * whether it used HTTPS. Default: none, the peer is the client.
   */
  TRUST_PROXY: z
    .string()
    .refine(isTrustList, 'a comma-separated list of addresses, subnets, loopback or uniquelocal')
    .default(''),
  /**
   * Origins (https://host[:port]) besides the app's own whose pages may use the session cookie
   * to change state or open sockets, comma-separated. Default: none.
   */
  ALLOWED_ORIGINS: z
    .string()
    .refine(
      (value) => normalizeOrigins(splitList(value)) !== null,
      'a comma-separated list of origins such as https://dangjian.example.org',
    )
    .default(''),
  /** Ballots a 民主评议 round needs before it can close and show a result. Default 3. */
  APPRAISAL_MIN_BALLOTS: z.coerce.number().int().min(1).max(1000).default(DEFAULT_MIN_BALLOTS),
  /** Prefix of the Redis channels, for deployments that share one Redis. Default shenghuohui. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - only, at most 64')
    .default('shenghuohui'),
});

export class ConfigError extends Error {}

function isTrustList(value: string): boolean {
  try {
    compileTrustProxy(splitList(value));
    return true;
  } catch {
    return false;
  }
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  // A SQLite file belongs to one process: instances can only share PostgreSQL.
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'REDIS_URL needs DATABASE_URL: several instances share PostgreSQL, not a SQLite file',
    );
  }
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
    adminUsername: e.ADMIN_USERNAME,
    adminPassword: e.ADMIN_PASSWORD,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxAgeMs: e.SESSION_MAX_HOURS * 3_600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    loginMaxFailuresPerAddress: e.LOGIN_MAX_FAILURES * 4,
    meetingTimeZone: e.MEETING_TIME_ZONE,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    trustProxy: splitList(e.TRUST_PROXY),
    allowedOrigins: normalizeOrigins(splitList(e.ALLOWED_ORIGINS)) ?? [],
    appraisalMinBallots: e.APPRAISAL_MIN_BALLOTS,
    metricsToken: e.METRICS_TOKEN,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('zh-CN', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The package version, for /api/health. */
function readVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
