import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { isPostgres } from './migrations/columnTypes.js';

/** Kysely's own bookkeeping: each side has its own, written by its own migrations. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** The tables the database really holds (in the current schema), each with its columns. */
export async function listStoredColumns(
  db: Kysely<DatabaseSchema>,
): Promise<Map<string, Set<string>>> {
  const query = isPostgres(db)
    ? sql<{ tbl: string; col: string }>`
        select table_name as tbl, column_name as col from information_schema.columns
        where table_schema = current_schema()`
    : sql<{ tbl: string; col: string }>`
        select m.name as tbl, p.name as col
        from sqlite_master m join pragma_table_info(m.name) p
        where m.type = 'table' and m.name not like 'sqlite_%'`;
  const { rows } = await query.execute(db);
  const tables = new Map<string, Set<string>>();
  for (const { tbl, col } of rows) {
    if (MIGRATION_TABLES.has(tbl)) continue;
    const columns = tables.get(tbl) ?? new Set<string>();
    columns.add(col);
    tables.set(tbl, columns);
  }
  return tables;
}

/** The names of the migrations applied, in order; empty when none ever ran. */
export async function listAppliedMigrations(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const tables = await listStoredTableNames(db);
  if (!tables.has('kysely_migration')) return [];
  const { rows } = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

async function listStoredTableNames(db: Kysely<DatabaseSchema>): Promise<Set<string>> {
  const query = isPostgres(db)
    ? sql<{ tbl: string }>`
        select table_name as tbl from information_schema.tables
        where table_schema = current_schema()`
    : sql<{ tbl: string }>`select name as tbl from sqlite_master where type = 'table'`;
  const { rows } = await query.execute(db);
  return new Set(rows.map((r) => r.tbl));
}
