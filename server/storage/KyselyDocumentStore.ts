import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './DatabaseSchema.js';
import type { DocumentStore, StoredUpdate } from './DocumentStore.js';

interface PendingAppend {
  document: string;
  data: Uint8Array;
  resolve: (id: number) => void;
  reject: (err: unknown) => void;
}

// Rows or ids per statement: keeps bound parameters far below SQLite's limit.
const ROWS_PER_STATEMENT = 400;

/**
 * The document store on Kysely: all SQL goes through the query builder. Row ids come from a
 * counter started above the largest stored id, which is sound because one process owns a
 * SQLite file.
 */
export class KyselyDocumentStore implements DocumentStore {
  private pending: PendingAppend[] = [];
  private scheduled = false;
  /** Batches are written one after another, so appends become durable in order. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private nextId: number,
    private readonly now: () => number,
  ) {}

  static async open(
    db: Kysely<DatabaseSchema>,
    now: () => number = Date.now,
  ): Promise<KyselyDocumentStore> {
    const { maxId } = await db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.max('id').as('maxId'))
      .executeTakeFirstOrThrow();
    return new KyselyDocumentStore(db, Number(maxId ?? 0) + 1, now);
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
    return this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
        await trx
          .deleteFrom('document_updates')
          .where('document', '=', document)
          .where('id', 'in', ids.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
      }
      const id = this.nextId++;
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
    const rows = batch.map((p) => ({
      document: p.document,
      id: this.nextId++,
      data: toBuffer(p.data),
      created_at: createdAt,
    }));
    try {
      await this.db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          await trx
            .insertInto('document_updates')
            .values(rows.slice(i, i + ROWS_PER_STATEMENT))
            .execute();
        }
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => p.resolve(rows[i]!.id));
  }
}

/** better-sqlite3 binds Buffers as BLOBs; this views the same memory without copying. */
function toBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
