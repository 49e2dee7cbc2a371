import { sql, type Kysely, type Migration } from 'kysely';

export const m001_documentUpdates: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Clustered by (document, id): a document's rows share pages, so loading reads few pages
    // and a compaction's delete dirties a handful of pages instead of one per row (rows of
    // documents edited at the same time would otherwise interleave on every page).
    await db.schema
      .createTable('document_updates')
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('id', 'integer', (c) => c.notNull())
      .addColumn('data', 'blob', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('document_updates_pk', ['document', 'id'])
      .modifyEnd(sql`without rowid`)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('document_updates').execute();
  },
};
