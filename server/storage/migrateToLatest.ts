import { Migrator, sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { allMigrations } from './migrations/allMigrations.js';
import { isPostgres } from './migrations/columnTypes.js';

/** Applies every pending migration; throws the first failure. */
export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<void> {
  // On PostgreSQL Kysely looks for its bookkeeping tables in every schema of the database,
  // and trips over another installation's (or another test's); name our own schema.
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(allMigrations) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
