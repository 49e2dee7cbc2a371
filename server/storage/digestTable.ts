import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ColumnKind, CopiedTable } from './copiedTables.js';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { readTableInBatches, type TableRow } from './readTableInBatches.js';

export interface TableDigest {
  rows: number;
  /** 64 hex digits; equal on two databases when they hold the same rows. */
  digest: string;
}

const MODULUS = 1n << 256n;

/**
 * A checksum of a table's content that reads alike on SQLite and PostgreSQL. Each row is hashed
 * in a canonical form; the row hashes are added up rather than chained, because the engines
 * order text keys differently (bytes versus a collation), so the row order may differ.
 */
export async function digestTable(
  db: Kysely<DatabaseSchema>,
  table: CopiedTable,
  batchRows = 500,
): Promise<TableDigest> {
  let rows = 0;
  let sum = 0n;
  for await (const batch of readTableInBatches(db, table, batchRows)) {
    for (const row of batch) {
      const hash = createHash('sha256').update(canonicalRow(table, row)).digest('hex');
      sum = (sum + BigInt(`0x${hash}`)) % MODULUS;
      rows += 1;
    }
  }
  return { rows, digest: sum.toString(16).padStart(64, '0') };
}

/** One line of JSON per row, each value in the form its column's kind gives it. */
export function canonicalRow(table: CopiedTable, row: TableRow): string {
  return JSON.stringify(table.columns.map(([column, kind]) => canonicalValue(row[column], kind)));
}

function canonicalValue(value: unknown, kind: ColumnKind): string | null {
  if (value == null) return null;
  switch (kind) {
    case 'bytes':
      return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : `?${String(value)}`;
    case 'flag':
      return value === true || Number(value) !== 0 ? '1' : '0';
    case 'integer':
      // Whether a driver gives a number, a bigint or a numeric string, compare the number.
      return typeof value === 'number' && !Number.isInteger(value)
        ? String(value)
        : BigInt(value as number | bigint | string).toString();
    case 'text':
      return String(value);
  }
}
