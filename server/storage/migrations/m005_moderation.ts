import type { Kysely, Migration } from 'kysely';
import { TIMESTAMP } from './columnTypes.js';

export const m005_moderation: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // The moderation event log: one row per applied command, numbered per meeting. The primary
    // key makes each version unique, so two writers can never both apply version n.
    await db.schema
      .createTable('meeting_events')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('command', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('at', TIMESTAMP, (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_events_pk', ['meeting_id', 'version'])
      .execute();
    // Headings the server wrote into a document for a speech, so each is written once.
    await db.schema
      .createTable('speech_headings')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('speech_id', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('speech_headings_pk', ['meeting_id', 'speech_id', 'document'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('speech_headings').execute();
    await db.schema.dropTable('meeting_events').execute();
  },
};
