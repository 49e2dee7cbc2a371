import type { Kysely, Migration } from 'kysely';
import { autoId, TIMESTAMP } from './columnTypes.js';

export const m009_rectifications: Migration = {
  // 整改事项 with their progress notes, and the measures an import proposes as items. Dates the
  // user picks (deadline, noted_on) are 'YYYY-MM-DD' text: they are days, not instants, and
  // compare correctly as text on both engines.
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('rectifications')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('aspect', 'text', (c) => c.notNull())
      .addColumn('problem', 'text', (c) => c.notNull())
      .addColumn('goal', 'text', (c) => c.notNull())
      .addColumn('measures', 'text', (c) => c.notNull())
      .addColumn('leader_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('deadline', 'text')
      .addColumn('long_term', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('verified_at', TIMESTAMP)
      .addColumn('verified_by', 'integer', (c) => c.references('users.id'))
      .addColumn('sent_back_reason', 'text')
      .addColumn('subject_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('speech_id', 'text')
      .addColumn('anchor_document', 'text')
      .addColumn('anchor_start', 'text')
      .addColumn('anchor_end', 'text')
      .addColumn('anchor_quote', 'text')
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
      .execute();
    // 序号 is unique per meeting: two items created at once cannot share one.
    await db.schema
      .createIndex('rectifications_meeting_seq')
      .on('rectifications')
      .columns(['meeting_id', 'seq'])
      .unique()
      .execute();
    await db.schema
      .createIndex('rectifications_branch')
      .on('rectifications')
      .columns(['branch_id', 'deadline'])
      .execute();
    await db.schema
      .createTable('rectification_progress')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('rectification_id', 'integer', (c) => c.notNull().references('rectifications.id'))
      .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('noted_on', 'text', (c) => c.notNull())
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('rectification_progress_item')
      .on('rectification_progress')
      .columns(['rectification_id', 'id'])
      .execute();
    await db.schema
      .createTable('rectification_proposals')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('aspect', 'text', (c) => c.notNull())
      .addColumn('heading', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('rectification_id', 'integer', (c) => c.references('rectifications.id'))
      .execute();
    await db.schema
      .createIndex('rectification_proposals_meeting')
      .on('rectification_proposals')
      .columns(['meeting_id', 'status'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('rectification_proposals').execute();
    await db.schema.dropTable('rectification_progress').execute();
    await db.schema.dropTable('rectifications').execute();
  },
};
