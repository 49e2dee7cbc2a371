import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './DatabaseSchema.js';
import type { DocumentStore } from './DocumentStore.js';
import { mergeUpdates } from './mergeUpdates.js';

interface PendingAppend {
  document: string;
  data: Uint8Array;
  resolve: () => void;
  reject: (err: unknown) => void;
}

// Rows per INSERT statement: keeps bound parameters far below SQLite's limit.
const ROWS_PER_INSERT = 400;

/** The document store for any Kysely dialect: all SQL goes through the query builder. */
export class KyselyDocumentStore implements DocumentStore {
  private pending: PendingAppend[] = [];
  private scheduled = false;
  /** Batches are written one after another, so appends become durable in order. */
  private writing: Promise<void> = Promise.resolve();
  private readonly compacting = new Map<string, Promise<number>>();
  /** Compactions run one at a time, so many documents crossing the threshold together queue. */
  private compactions: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  async load(document: string): Promise<Uint8Array[]> {
    const rows = await this.db
      .selectFrom('document_updates')
      .select('data')
      .where('document', '=', document)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.data);
  }

  append(document: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ document, data: update, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.startBatch());
      }
    });
  }

  compact(document: string): Promise<number> {
    // A document already queued or compacting is not queued twice.
    const queued = this.compacting.get(document);
    if (queued) return queued;
    const job = this.compactions
      .then(() => this.compactNow(document))
      .finally(() => this.compacting.delete(document));
    this.compactions = job.catch(() => undefined);
    this.compacting.set(document, job);
    return job;
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
      await this.db.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
          const rows = batch.slice(i, i + ROWS_PER_INSERT).map((p) => ({
            document: p.document,
            data: toBuffer(p.data),
            created_at: createdAt,
          }));
          await trx.insertInto('document_updates').values(rows).execute();
        }
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    for (const p of batch) p.resolve();
  }

  private async compactNow(document: string): Promise<number> {
    const rows = await this.db
      .selectFrom('document_updates')
      .select(['id', 'data'])
      .where('document', '=', document)
      .orderBy('id')
      .execute();
    const last = rows.at(-1);
    if (!last || rows.length === 1) return rows.length;
    const merged = await mergeUpdates(rows.map((r) => r.data));
    // Rows are never changed, only appended, so deleting up to the last one read and inserting
    // their merge is safe even against another compaction of the same document.
    return this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('document_updates')
        .where('document', '=', document)
        .where('id', '<=', last.id)
        .execute();
      await trx
        .insertInto('document_updates')
        .values({ document, data: toBuffer(merged), created_at: this.now() })
        .execute();
      const { count } = await trx
        .selectFrom('document_updates')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('document', '=', document)
        .executeTakeFirstOrThrow();
      return Number(count);
    });
  }
}

/** better-sqlite3 binds Buffers as BLOBs; this views the same memory without copying. */
function toBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
