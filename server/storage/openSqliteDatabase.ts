import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Logger } from 'pino';
import { CachingSqliteDatabase } from './CachingSqliteDatabase.js';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { migrateToLatest } from './migrateToLatest.js';
import type { SecretWrites } from './SecretWrites.js';
import { SqliteSecretWrites } from './SqliteSecretWrites.js';
import { WalCheckpointer } from './WalCheckpointer.js';

export interface SqliteOptions {
  file: string;
  synchronous: 'NORMAL' | 'FULL';
  /** How often the background thread checkpoints the write-ahead log. */
  checkpointIntervalMs?: number;
}

export interface OpenDatabase {
  db: Kysely<DatabaseSchema>;
  /** How secrets are written so that they leave no old versions in the files; else plainly. */
  secrets?: SecretWrites;
  /** Stops background work, folds the log into the file and closes the connection. */
  close(): Promise<void>;
}

/** Opens the SQLite file (WAL mode) and applies pending migrations before returning. */
export async function openSqliteDatabase(
  options: SqliteOptions,
  logger: Logger,
): Promise<OpenDatabase> {
  const database = new Database(options.file);
  // Takes effect only on a new file. Each commit writes every page it touched to the log, and
  // concurrent documents touch one page each: small pages cut the log written per update 4x.
  database.pragma('page_size = 1024');
  database.pragma('journal_mode = WAL');
  // In WAL mode NORMAL loses nothing when the process is killed; FULL also survives power loss.
  database.pragma(`synchronous = ${options.synchronous}`);
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // Deleted rows are overwritten where that costs no extra I/O; the secret ballots are written
  // with it fully on (SqliteSecretWrites).
  database.pragma('secure_delete = FAST');
  // Checkpoints happen on the WalCheckpointer's thread, not inside our commits.
  database.pragma('wal_autocheckpoint = 0');
  // A log that grew under load is cut back to this size once it has been checkpointed.
  database.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: new CachingSqliteDatabase(database) }),
  });
  await migrateToLatest(db);
  const checkpointer = new WalCheckpointer(
    options.file,
    options.checkpointIntervalMs ?? 200,
    logger,
  );
  return {
    db,
    secrets: new SqliteSecretWrites(db, checkpointer, logger),
    close: async () => {
      await checkpointer.stop();
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      await db.destroy();
    },
  };
}
