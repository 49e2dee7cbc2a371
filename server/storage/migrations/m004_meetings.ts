import type { Kysely, Migration } from 'kysely';
import { autoId, TIMESTAMP } from './columnTypes.js';

export const m004_meetings: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('meetings')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull())
      .addColumn('aspects', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', TIMESTAMP)
      .addColumn('location', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('template_id', 'text')
      .addColumn('previous_meeting_id', 'integer', (c) => c.references('meetings.id'))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('meetings_branch')
      .on('meetings')
      .columns(['branch_id', 'kind'])
      .execute();
    await db.schema
      .createTable('meeting_participants')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_participants_pk', ['meeting_id', 'user_id', 'role'])
      .execute();
    await db.schema
      .createIndex('meeting_participants_user')
      .on('meeting_participants')
      .column('user_id')
      .execute();
    // One row per document whose opening content was written, so it is written only once.
    await db.schema
      .createTable('meeting_documents')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_documents_pk', ['meeting_id', 'name'])
      .execute();
    await db.schema
      .createTable('meeting_templates')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull())
      .addColumn('aspects', 'text', (c) => c.notNull())
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('meeting_templates').execute();
    await db.schema.dropTable('meeting_documents').execute();
    await db.schema.dropTable('meeting_participants').execute();
    await db.schema.dropTable('meetings').execute();
  },
};
