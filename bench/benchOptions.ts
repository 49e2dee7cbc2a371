import { parseArgs } from 'node:util';
import { BenchUsageError } from './BenchUsageError.js';

export const SERVER_NAMES = ['ours', 'ywebsocket', 'hocuspocus'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

/** Parameters of one `npm run bench`; every server in the run gets the same ones. */
export interface BenchOptions {
  rooms: number;
  /** Clients per room: one writer plus `clients - 1` thin readers. */
  clients: number;
  /** Updates per second of each room's writer. */
  rate: number;
  durationS: number;
  warmupS: number;
  servers: ServerName[];
  quick: boolean;
  /**
   * Instances of each server that supports several (ours, hocuspocus): they share PostgreSQL
   * (ours) and Redis, and each room's clients are spread over them. 1 is the classic run.
   */
  instances: number;
  /** PostgreSQL and Redis of a multi-instance run (BENCH_DATABASE_URL, BENCH_REDIS_URL). */
  databaseUrl: string;
  redisUrl: string;
  /** Connections opened at once, so no server gets thousands of simultaneous handshakes. */
  connectBatch: number;
  /** How long after the last update the harness still waits for deliveries. */
  stragglerMs: number;
}

const USAGE = `usage: npm run bench -- [--rooms N] [--clients N] [--rate N] [--duration S] [--warmup S]
                          [--servers ours,ywebsocket,hocuspocus] [--instances N] [--quick]`;

// This machine's (and CI's) services: PostgreSQL with trust auth and a database `test`, Redis.
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const MAX_INSTANCES = 8;

/** Defaults match DESIGN §9 (200 rooms × 10 clients at 20 updates/s); `--quick` is a smoke run. */
export function parseBenchOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        rooms: { type: 'string' },
        clients: { type: 'string' },
        rate: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        servers: { type: 'string' },
        instances: { type: 'string' },
        quick: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new BenchUsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) throw new BenchUsageError(USAGE);
  const quick = v.quick === true;
  const servers = (v.servers ?? SERVER_NAMES.join(',')).split(',').map((s) => s.trim());
  for (const s of servers) {
    if (!(SERVER_NAMES as readonly string[]).includes(s)) {
      throw new BenchUsageError(`unknown server "${s}"; choose from ${SERVER_NAMES.join(', ')}`);
    }
  }
  // Explicit flags win over --quick, so `--quick --rooms 50` works.
  return {
    rooms: intFlag('rooms', v.rooms, quick ? 20 : 200, 1, 5000),
    clients: intFlag('clients', v.clients, quick ? 5 : 10, 2, 200),
    rate: numFlag('rate', v.rate, 20, 0.1, 200),
    durationS: numFlag('duration', v.duration, quick ? 5 : 30, 1, 3600),
    warmupS: numFlag('warmup', v.warmup, quick ? 2 : 5, 0, 600),
    servers: [...new Set(servers)] as ServerName[],
    quick,
    instances: intFlag('instances', v.instances, 1, 1, MAX_INSTANCES),
    databaseUrl: env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL,
    redisUrl: env.BENCH_REDIS_URL ?? DEFAULT_REDIS_URL,
    connectBatch: 50,
    stragglerMs: 2000,
  };
}

function numFlag(
  name: string,
  raw: string | undefined,
  dflt: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new BenchUsageError(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function intFlag(
  name: string,
  raw: string | undefined,
  dflt: number,
  min: number,
  max: number,
): number {
  const n = numFlag(name, raw, dflt, min, max);
  if (!Number.isInteger(n)) throw new BenchUsageError(`--${name} must be an integer, got "${raw}"`);
  return n;
}
