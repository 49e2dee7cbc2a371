import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './DatabaseSchema.js';
import type { DocumentStore, StoredUpdate } from './DocumentStore.js';
import { isPostgres } from './migrations/columnTypes.js';
import { DOCUMENT_UPDATE_IDS } from './migrations/m006_documentUpdateIds.js';

interface PendingAppend {
  document: string;
  data: Uint8Array;
  resolve: (id: number) => void;
  reject: (err: unknown) => void;
}

// Rows or ids per statement: keeps bound parameters far below SQLite's limit.
const ROWS_PER_STATEMENT = 400;

interface NewRow {
  document: string;
  data: Buffer;
  created_at: number;
}

/** Inserts rows (one statement's worth) and resolves with their ids, in the rows' order. */
type RowInserter = (db: Kysely<DatabaseSchema>, rows: readonly NewRow[]) => Promise<number[]>;

/**
 * The document store on Kysely: all SQL goes through the query builder. Row ids come from a
 * sequence on PostgreSQL, which several instances share; on SQLite, which one process owns,
 * from a counter started above the largest stored id.
 *
 * Appends are written in batches, one at a time: whatever arrives while a batch is being
 * written goes into the next one, so a slow database gets fewer, larger writes rather than a
 * growing queue of small ones.
 */
export class KyselyDocumentStore implements DocumentStore {
  private pending: PendingAppend[] = [];
  private scheduled = false;
  /** The batch being written, if any. */
  private writing: Promise<void> | null = null;

  private constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly insertRows: RowInserter,
    private readonly now: () => number,
  ) {}

  static async open(
    db: Kysely<DatabaseSchema>,
    now: () => number = Date.now,
  ): Promise<KyselyDocumentStore> {
    if (isPostgres(db)) {
      // One round trip: each row takes its id from the sequence as it is inserted. Rows of a
      // VALUES list are evaluated in order, so their ids ascend in that order.
      const fromSequence: RowInserter = async (into, rows) => {
        const inserted = await into
          .insertInto('document_updates')
          .values(rows.map((r) => ({ ...r, id: sql<number>`nextval(${DOCUMENT_UPDATE_IDS})` })))
          .returning('id')
          .execute();
        return inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
      };
      return new KyselyDocumentStore(db, fromSequence, now);
    }
    const { maxId } = await db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.max('id').as('maxId'))
      .executeTakeFirstOrThrow();
    let next = Number(maxId ?? 0) + 1;
    const counted: RowInserter = async (into, rows) => {
      const ids = rows.map(() => next++);
      await into
        .insertInto('document_updates')
        .values(rows.map((r, i) => ({ ...r, id: ids[i]! })))
        .execute();
      return ids;
    };
    return new KyselyDocumentStore(db, counted, now);
  }

  async load(document: string): Promise<StoredUpdate[]> {
    return this.db
      .selectFrom('document_updates')
      .select(['id', 'data'])
      .where('document', '=', document)
      .orderBy('id')
      .execute();
  }

  append(document: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ document, data: update, resolve, reject });
      if (!this.scheduled && !this.writing) {
        this.scheduled = true;
        setImmediate(() => this.writeNext());
      }
    });
  }

  async replace(document: string, ids: readonly number[], merged: Uint8Array): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
        await trx
          .deleteFrom('document_updates')
          .where('document', '=', document)
          .where('id', 'in', ids.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
      }
      const row = { document, data: toBuffer(merged), created_at: this.now() };
      const [id] = (await this.insertRows(trx, [row])) as [number];
      return id;
    });
  }

  async flush(): Promise<void> {
    while (this.scheduled || this.writing) {
      await (this.writing ?? new Promise((r) => setImmediate(r)));
    }
  }

  /** Writes everything pending as one batch, then the next batch if more came meanwhile. */
  private writeNext(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.writing = this.writeBatch(batch).finally(() => {
      this.writing = null;
      if (this.pending.length > 0) this.writeNext();
    });
  }

  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    const createdAt = this.now();
    const rows = batch.map((p) => ({
      document: p.document,
      data: toBuffer(p.data),
      created_at: createdAt,
    }));
    try {
      // One statement is atomic by itself; more take a transaction.
      const ids =
        rows.length <= ROWS_PER_STATEMENT
          ? await this.insertRows(this.db, rows)
          : await this.db.transaction().execute(async (trx) => {
              const all: number[] = [];
              for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
                all.push(...(await this.insertRows(trx, rows.slice(i, i + ROWS_PER_STATEMENT))));
              }
              return all;
            });
      batch.forEach((p, i) => p.resolve(ids[i]!));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}

/** better-sqlite3 binds Buffers as BLOBs; this views the same memory without copying. */
function toBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
