import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { ConfigError } from '../env.js';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { listAppliedMigrations } from './inspectStoredSchema.js';
import { allMigrations } from './migrations/allMigrations.js';
import type { OpenDatabase } from './openSqliteDatabase.js';

/**
 * Opens an existing SQLite file without writing to it (no migrations, no checkpoints), for
 * reading it out. Refuses a file that is not at this version's schema, because it cannot be
 * migrated read-only.
 */
export async function openSqliteReadOnly(file: string): Promise<OpenDatabase> {
  if (!existsSync(file)) throw new ConfigError(`no SQLite database at ${file} (check DATA_DIR)`);
  const database = new Database(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
  const close = (): Promise<void> => db.destroy();
  try {
    const applied = await listAppliedMigrations(db);
    const expected = Object.keys(allMigrations);
    if (applied.join() !== expected.join()) {
      const behind = applied.every((name) => expected.includes(name));
      throw new ConfigError(
        behind
          ? `${file} is at an older schema (${applied.at(-1) ?? 'empty'}); start this version of the app on it once, then stop it`
          : `${file} was written by a newer version of the app (${applied.at(-1) ?? ''})`,
      );
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { db, close };
}
