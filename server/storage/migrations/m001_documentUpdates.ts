import { sql, type Kysely, type Migration } from 'kysely';
import { bytesType, isPostgres, TIMESTAMP } from './columnTypes.js';

export const m001_documentUpdates: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Clustered by (document, id): a document's rows share pages, so loading reads few pages
    // and a compaction's delete dirties a handful of pages instead of one per row (rows of
    // documents edited at the same time would otherwise interleave on every page).
    const table = db.schema
      .createTable('document_updates')
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('id', 'bigint', (c) => c.notNull())
      .addColumn('data', bytesType(db), (c) => c.notNull())
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .addPrimaryKeyConstraint('document_updates_pk', ['document', 'id']);
    // PostgreSQL keeps a primary key's index apart from the rows; SQLite can cluster by it.
    await (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`)).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('document_updates').execute();
  },
};
