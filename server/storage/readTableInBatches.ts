import { sql, type Kysely } from 'kysely';
import type { CopiedTable } from './copiedTables.js';
import type { DatabaseSchema } from './DatabaseSchema.js';

export type TableRow = Record<string, unknown>;

/**
 * Every row of `table`, `batchRows` at a time, in primary-key order. Pages by key (the row after
 * the last one seen), not by OFFSET, so each page is one index seek however large the table.
 * Row-value comparison `(a, b) > (?, ?)` reads the same on SQLite and PostgreSQL.
 */
export async function* readTableInBatches(
  db: Kysely<DatabaseSchema>,
  table: CopiedTable,
  batchRows: number,
): AsyncGenerator<TableRow[]> {
  const columns = sql.join(table.columns.map(([column]) => sql.ref(column)));
  const key = sql.join(table.key.map((column) => sql.ref(column)));
  let last: TableRow | undefined;
  for (;;) {
    const after = last
      ? sql`where (${key}) > (${sql.join(table.key.map((column) => last![column]))})`
      : sql``;
    const { rows } = await sql<TableRow>`
      select ${columns} from ${sql.table(table.name)} ${after}
      order by ${key} limit ${batchRows}`.execute(db);
    if (rows.length > 0) yield rows;
    if (rows.length < batchRows) return;
    last = rows[rows.length - 1];
  }
}
