import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { allMigrations } from './migrations/allMigrations.js';

export interface SqliteOptions {
  file: string;
  synchronous: 'NORMAL' | 'FULL';
}

/** Opens the SQLite file (WAL mode) and applies pending migrations before returning. */
export async function openSqliteDatabase(options: SqliteOptions): Promise<Kysely<DatabaseSchema>> {
  const database = new Database(options.file);
  database.pragma('journal_mode = WAL');
  // In WAL mode NORMAL loses nothing when the process is killed; FULL also survives power loss.
  database.pragma(`synchronous = ${options.synchronous}`);
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
  await migrateToLatest(db);
  return db;
}

export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(allMigrations) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
