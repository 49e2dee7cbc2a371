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

/** Hands out `count` fresh row ids, ascending. */
type IdSource = (count: number) => Promise<number[]>;

/**
 * The document store on Kysely: all SQL goes through the query builder. Row ids come from a
 * sequence on PostgreSQL, which several instances share; on SQLite, which one process owns,
 * from a counter started above the largest stored id.
 */
export class KyselyDocumentStore implements DocumentStore {
  private pending: PendingAppend[] = [];
  private scheduled = false;
  /** Batches are written one after another, so appends become durable in order. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly newIds: IdSource,
    private readonly now: () => number,
  ) {}

  static async open(
    db: Kysely<DatabaseSchema>,
    now: () => number = Date.now,
  ): Promise<KyselyDocumentStore> {
    if (isPostgres(db)) {
      const fromSequence: IdSource = async (count) => {
        const { rows } = await sql<{ id: number }>`
          SELECT nextval(${DOCUMENT_UPDATE_IDS}) AS id FROM generate_series(1, ${count})`.execute(
          db,
        );
        return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      };
      return new KyselyDocumentStore(db, fromSequence, now);
    }
    const { maxId } = await db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.max('id').as('maxId'))
      .executeTakeFirstOrThrow();
    let next = Number(maxId ?? 0) + 1;
    const counted: IdSource = (count) =>
      Promise.resolve(Array.from({ length: count }, () => next++));
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
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.startBatch());
      }
    });
  }

  async replace(document: string, ids: readonly number[], merged: Uint8Array): Promise<number> {
    const [id] = (await this.newIds(1)) as [number];
    return this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
        await trx
          .deleteFrom('document_updates')
          .where('document', '=', document)
          .where('id', 'in', ids.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
      }
      await trx
        .insertInto('document_updates')
        .values({ document, id, data: toBuffer(merged), created_at: this.now() })
        .execute();
      return id;
    });
  }

  async flush(): Promise<void> {
    while (this.scheduled) await new Promise((r) => setImmediate(r));
    await this.writing;
  }

  private startBatch(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(() => this.writeBatch(batch));
  }

  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    const createdAt = this.now();
    try {
      const ids = await this.newIds(batch.length);
      const rows = batch.map((p, i) => ({
        document: p.document,
        id: ids[i]!,
        data: toBuffer(p.data),
        created_at: createdAt,
      }));
      await this.db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          await trx
            .insertInto('document_updates')
            .values(rows.slice(i, i + ROWS_PER_STATEMENT))
            .execute();
        }
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
