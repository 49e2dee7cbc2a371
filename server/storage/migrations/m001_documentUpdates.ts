import { type Kysely, type Migration } from 'kysely';

export const m001_documentUpdates: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('document_updates')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('data', 'blob', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('document_updates_document_id')
      .on('document_updates')
      .columns(['document', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('document_updates').execute();
  },
};
