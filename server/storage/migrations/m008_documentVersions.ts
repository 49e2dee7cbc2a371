import type { Kysely, Migration } from 'kysely';
import { autoId, bytesType, TIMESTAMP } from './columnTypes.js';

export const m008_documentVersions: Migration = {
  // Named versions of documents: each the whole Yjs state at that moment, apart from the
  // update log, so that compaction never touches them.
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('document_versions')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('data', bytesType(db), (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('document_versions_by_document')
      .on('document_versions')
      .columns(['document', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('document_versions').execute();
  },
};
