import type { Kysely, Migration } from 'kysely';
import { TIMESTAMP } from './columnTypes.js';

export const m007_appraisal: Migration = {
  // One row per meeting's appraisal round. Who has voted and what the ballots say live in
  // separate columns with nothing to join them: ballots are keyed by the hash of a secret
  // only the voter's browser knows, sorted by it, and carry no time; both lists are rewritten
  // whole, so neither rows nor their order tell who cast which ballot. At closing the ballots
  // are replaced by the tally.
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('appraisal_rounds')
      .addColumn('meeting_id', 'integer', (c) => c.primaryKey().references('meetings.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      /** Grows with every change; a write that finds another revision retries. */
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('voters', 'text', (c) => c.notNull())
      .addColumn('subjects', 'text', (c) => c.notNull())
      .addColumn('voted', 'text', (c) => c.notNull())
      .addColumn('ballots', 'text', (c) => c.notNull())
      .addColumn('paper', 'text')
      .addColumn('result', 'text')
      .addColumn('min_ballots', 'integer', (c) => c.notNull())
      .addColumn('opened_at', TIMESTAMP)
      .addColumn('closed_at', TIMESTAMP)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('appraisal_rounds').execute();
  },
};
