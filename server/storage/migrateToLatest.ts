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
  for (let attempt = 1; ; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    // Kysely's introspection reads the catalog of every schema: one that another installation
    // (or test) drops meanwhile fails the read. Migrations run in a locked transaction, so
    // running them again is safe.
    if (attempt < 5 && isConcurrentDrop(error)) continue;
    throw error instanceof Error ? error : new Error(String(error));
  }
}

/** PostgreSQL's invalid_schema_name and undefined_table: a schema or table dropped meanwhile. */
function isConcurrentDrop(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '3F000' || code === '42P01';
}
