import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { ConfigError } from '../env.js';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { migrateToLatest, type OpenDatabase } from './openSqliteDatabase.js';

/** Another instance already runs on this database (schema): an operator's mistake, exit 2. */
export class DatabaseInUseError extends ConfigError {}

/**
 * Connects to PostgreSQL (`DATABASE_URL`) and applies pending migrations before returning.
 * Timestamps and ids are 64-bit columns; they are read as JavaScript numbers, exact below 2^53.
 *
 * One instance per database for now: document update ids are counted in the process, so a
 * second instance would hand out the same ids. A session-level advisory lock on the schema,
 * held by a connection of its own for the life of the process, refuses a second one.
 */
export async function openPostgresDatabase(url: string, logger: Logger): Promise<OpenDatabase> {
  const lock = new pg.Client({ connectionString: url });
  // A lost connection is an event, not a crash: queries fail and are answered as such, and
  // the pool connects afresh when the database is back.
  lock.on('error', (err) =>
    logger.error({ err }, 'the instance lock connection to PostgreSQL was lost'),
  );
  await lock.connect();
  const { rows } = await lock.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_lock(hashtext('shenghuohui:' || current_schema())) AS locked",
  );
  if (!rows[0]?.locked) {
    await lock.end();
    throw new DatabaseInUseError(
      'another instance already uses this database; several instances need multi-instance support (REDIS_URL), which this version does not have',
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
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
