import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { ConfigError } from '../env.js';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { migrateToLatest } from './migrateToLatest.js';
import type { OpenDatabase } from './openSqliteDatabase.js';

/** Type parsers that read 64-bit integers (ids, epoch ms, counts) as JavaScript numbers. */
export const INT8_AS_NUMBER = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The database is held by instances of the other kind: an operator's mistake, exit 2. */
export class DatabaseInUseError extends ConfigError {}

// A query waits this long for a connection before it fails (and the request with it), so that
// a database that went away is answered as such rather than hanging every caller.
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects to PostgreSQL (`DATABASE_URL`) and applies pending migrations before returning.
 * Timestamps and ids are 64-bit columns; they are read as JavaScript numbers, exact below 2^53.
 *
 * Instances that share a database must hear each other's document updates, which takes the
 * Redis fan-out. A session-level advisory lock on the schema, held by a connection of its own
 * for the life of the process, enforces that: an instance alone (`shared` false) holds it
 * exclusively, instances with Redis hold it shared, so neither kind starts beside the other.
 */
export async function openPostgresDatabase(
  url: string,
  logger: Logger,
  shared: boolean,
): Promise<OpenDatabase> {
  const lock = new pg.Client({ connectionString: url });
  // A lost connection is an event, not a crash: queries fail and are answered as such, and
  // the pool connects afresh when the database is back.
  lock.on('error', (err) =>
    logger.error({ err }, 'the instance lock connection to PostgreSQL was lost'),
  );
  await lock.connect();
  const lockFunction = shared ? 'pg_try_advisory_lock_shared' : 'pg_try_advisory_lock';
  const { rows } = await lock.query<{ locked: boolean }>(
    `SELECT ${lockFunction}(hashtext('shenghuohui:' || current_schema())) AS locked`,
  );
  if (!rows[0]?.locked) {
    await lock.end();
    throw new DatabaseInUseError(
      shared
        ? 'an instance without REDIS_URL already uses this database; stop it, or give it the same REDIS_URL'
        : 'another instance already uses this database; several instances need the same REDIS_URL on each',
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: INT8_AS_NUMBER,
  });
  pool.on('error', (err) => logger.warn({ err }, 'an idle PostgreSQL connection was lost'));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  const close = async (): Promise<void> => {
    await db.destroy();
    await lock.end();
  };
  try {
    await migrateToLatest(db);
  } catch (err) {
    await close();
    throw err;
  }
  return { db, close };
}
