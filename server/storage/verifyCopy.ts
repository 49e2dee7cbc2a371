import type { Kysely } from 'kysely';
import { compareDocuments } from './compareDocuments.js';
import { COPIED_TABLES, type TableName } from './copiedTables.js';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { digestTable } from './digestTable.js';

export interface TableCheck {
  table: TableName;
  sourceRows: number;
  targetRows: number;
  /** Same rows and same content (a checksum over every column of every row). */
  same: boolean;
}

export interface CopyVerification {
  /** True when every table and every document is the same on both sides. */
  ok: boolean;
  tables: TableCheck[];
  documentsChecked: number;
  /** One line per difference found; empty when `ok`. */
  mismatches: string[];
}

/**
 * Checks a copy made by `copyDatabase`: per table the row count and a content checksum, and per
 * document the Yjs state rebuilt from its updates on each side.
 */
export async function verifyCopy(
  source: Kysely<DatabaseSchema>,
  target: Kysely<DatabaseSchema>,
): Promise<CopyVerification> {
  const tables: TableCheck[] = [];
  const mismatches: string[] = [];
  for (const table of COPIED_TABLES) {
    const [from, to] = await Promise.all([digestTable(source, table), digestTable(target, table)]);
    const same = from.rows === to.rows && from.digest === to.digest;
    tables.push({ table: table.name, sourceRows: from.rows, targetRows: to.rows, same });
    if (from.rows !== to.rows) {
      mismatches.push(
        `table ${table.name}: ${from.rows} rows in the source, ${to.rows} in the target`,
      );
    } else if (!same) {
      mismatches.push(`table ${table.name}: the same number of rows, but different content`);
    }
  }
  const documents = await compareDocuments(source, target);
  mismatches.push(...documents.mismatches);
  return { ok: mismatches.length === 0, tables, documentsChecked: documents.checked, mismatches };
}
