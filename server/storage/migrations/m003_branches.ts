import type { Kysely, Migration } from 'kysely';
import { autoId, TIMESTAMP } from './columnTypes.js';

export const m003_branches: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('branches')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('branch_members')
      .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('branch_members_pk', ['branch_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('branch_members_user')
      .on('branch_members')
      .column('user_id')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('branch_members').execute();
    await db.schema.dropTable('branches').execute();
  },
};
