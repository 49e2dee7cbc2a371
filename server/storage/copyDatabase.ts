import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import {
  COPIED_TABLES,
  type ColumnKind,
  type CopiedTable,
  type TableName,
} from './copiedTables.js';
import type { DatabaseSchema } from './DatabaseSchema.js';
import { listAppliedMigrations, listStoredColumns } from './inspectStoredSchema.js';
import { isPostgres } from './migrations/columnTypes.js';
import { DOCUMENT_UPDATE_IDS } from './migrations/m006_documentUpdateIds.js';
import { readTableInBatches, type TableRow } from './readTableInBatches.js';

/** The copy cannot be made as asked; nothing was written. */
export class CopyRefusedError extends Error {}

export interface CopyOptions {
  logger: Logger;
  /** Rows read and inserted per statement. */
  batchRows?: number;
}

export interface CopyResult {
  tables: Array<{ table: TableName; rows: number }>;
}

/**
 * Copies every application table from `source` to `target`, both already migrated to the same
 * version. The target must be empty; it is written in one transaction, so a failed copy leaves
 * it as empty as it was. Identity sequences on a PostgreSQL target continue after the copied ids.
 */
export async function copyDatabase(
  source: Kysely<DatabaseSchema>,
  target: Kysely<DatabaseSchema>,
  options: CopyOptions,
): Promise<CopyResult> {
  const batchRows = options.batchRows ?? 500;
  await refuseDifferentSchemas(source, target);
  // One read transaction on the source: a consistent snapshot, even if something writes to it.
  return source.transaction().execute((from) =>
    target.transaction().execute(async (to) => {
      await refuseNonEmptyTarget(to);
      const tables: CopyResult['tables'] = [];
      for (const table of COPIED_TABLES) {
        const rows = await copyTable(from, to, table, batchRows);
        options.logger.info({ table: table.name, rows }, 'table copied');
        tables.push({ table: table.name, rows });
      }
      if (isPostgres(to)) {
        await advanceIdentitySequences(to);
        await advanceDocumentUpdateIdsSequence(to);
      }
      return { tables };
    }),
  );
}

async function copyTable(
  from: Transaction<DatabaseSchema>,
  to: Transaction<DatabaseSchema>,
  table: CopiedTable,
  batchRows: number,
): Promise<number> {
  const selfReferences = table.selfReferences ?? [];
  const columns = sql.join(table.columns.map(([column]) => sql.ref(column)));
  // A row may point at a row of the same table that comes in a later batch.
  const pointing: TableRow[] = [];
  let copied = 0;
  for await (const rows of readTableInBatches(from, table, batchRows)) {
    const values = rows.map((row) => {
      if (selfReferences.some((column) => row[column] != null)) pointing.push(row);
      return sql`(${sql.join(
        table.columns.map(([column, kind]) =>
          selfReferences.includes(column) ? null : toBindable(row[column], kind),
        ),
      )})`;
    });
    await sql`insert into ${sql.table(table.name)} (${columns}) values ${sql.join(values)}`.execute(
      to,
    );
    copied += rows.length;
  }
  for (const row of pointing) {
    const set = selfReferences.map((column) => sql`${sql.ref(column)} = ${row[column]}`);
    const where = table.key.map((column) => sql`${sql.ref(column)} = ${row[column]}`);
    await sql`update ${sql.table(table.name)} set ${sql.join(set)}
      where ${sql.join(where, sql` and `)}`.execute(to);
  }
  return copied;
}

function toBindable(value: unknown, kind: ColumnKind): unknown {
  if (value == null) return null;
  // better-sqlite3 binds only Buffers as BLOBs; pg takes them too.
  if (kind === 'bytes' && value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  // 0/1 suits an integer column on either engine and a PostgreSQL boolean column alike.
  if (kind === 'flag') return value === true || Number(value) !== 0 ? 1 : 0;
  return value;
}

/** Both sides must hold exactly the tables and columns this copy knows, at one version. */
async function refuseDifferentSchemas(
  source: Kysely<DatabaseSchema>,
  target: Kysely<DatabaseSchema>,
): Promise<void> {
  const [fromVersion, toVersion] = await Promise.all([
    listAppliedMigrations(source),
    listAppliedMigrations(target),
  ]);
  if (fromVersion.join() !== toVersion.join()) {
    throw new CopyRefusedError(
      `source and target are at different schema versions (source: ${fromVersion.at(-1) ?? 'none'}, target: ${toVersion.at(-1) ?? 'none'}); run the same version of the app against both first`,
    );
  }
  for (const [side, db] of [
    ['source', source],
    ['target', target],
  ] as const) {
    const stored = await listStoredColumns(db);
    const known = new Map(COPIED_TABLES.map((t) => [t.name as string, t.columns.map((c) => c[0])]));
    for (const [table, columns] of stored) {
      const knownColumns = known.get(table);
      const unknown = knownColumns
        ? [...columns].filter((c) => !knownColumns.includes(c)).map((c) => `${table}.${c}`)
        : [table];
      if (unknown.length > 0) {
        throw new CopyRefusedError(
          `the ${side} holds ${unknown.join(', ')}, which this copy does not know; add it to server/storage/copiedTables.ts`,
        );
      }
    }
    for (const [table, columns] of known) {
      const missing = columns.filter((c) => !stored.get(table)?.has(c));
      if (missing.length > 0) {
        throw new CopyRefusedError(
          `the ${side} lacks ${missing.map((c) => `${table}.${c}`).join(', ')}; is it migrated?`,
        );
      }
    }
  }
}

async function refuseNonEmptyTarget(to: Transaction<DatabaseSchema>): Promise<void> {
  const filled: string[] = [];
  for (const table of COPIED_TABLES) {
    const { rows } = await sql`select 1 from ${sql.table(table.name)} limit 1`.execute(to);
    if (rows.length > 0) filled.push(table.name);
  }
  if (filled.length > 0) {
    throw new CopyRefusedError(
      `the target already holds data (in ${filled.join(', ')}); copy into a new, empty database or schema, and do not start the app on it before copying`,
    );
  }
}

/** Ids were copied as given, so each identity sequence must continue after the largest one. */
async function advanceIdentitySequences(to: Transaction<DatabaseSchema>): Promise<void> {
  for (const table of COPIED_TABLES) {
    if (!table.identity) continue;
    const id = sql.ref(table.identity);
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${table.identity}), max(${id}))
      from ${sql.table(table.name)} having max(${id}) is not null`.execute(to);
  }
}

/** Document update ids come from their own sequence (m006), which must also follow. */
async function advanceDocumentUpdateIdsSequence(to: Transaction<DatabaseSchema>): Promise<void> {
  await sql`select setval(${DOCUMENT_UPDATE_IDS}, max(id))
    from document_updates having max(id) is not null`.execute(to);
}
