import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Migrations serve SQLite and PostgreSQL alike; these are the few places where they must differ.

export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-numbered primary key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
export function autoId(db: Kysely<unknown>) {
  return (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
}

/** Raw bytes (Yjs updates). */
export function bytesType(db: Kysely<unknown>): 'bytea' | 'blob' {
  return isPostgres(db) ? 'bytea' : 'blob';
}

/** Epoch milliseconds: past 2^31, so 64-bit on PostgreSQL (SQLite's INTEGER is 64-bit anyway). */
export const TIMESTAMP = 'bigint';
