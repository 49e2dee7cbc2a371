import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './columnTypes.js';

/** The sequence that numbers document update rows on PostgreSQL. */
export const DOCUMENT_UPDATE_IDS = 'document_update_ids';

export const m006_documentUpdateIds: Migration = {
  // Several instances append to one PostgreSQL, so update row ids come from a sequence there.
  // SQLite has one writing process, which counts them itself.
  async up(db: Kysely<unknown>): Promise<void> {
    if (!isPostgres(db)) return;
    await sql`CREATE SEQUENCE ${sql.id(DOCUMENT_UPDATE_IDS)}`.execute(db);
    await sql`SELECT setval(${DOCUMENT_UPDATE_IDS}, COALESCE(MAX(id), 0) + 1, false)
              FROM document_updates`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    if (isPostgres(db)) await sql`DROP SEQUENCE ${sql.id(DOCUMENT_UPDATE_IDS)}`.execute(db);
  },
};
