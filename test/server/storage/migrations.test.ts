import path from 'node:path';
import { rmSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/log/createLogger.js';
import type { DatabaseSchema } from '../../../server/storage/DatabaseSchema.js';
import { openPostgresDatabase } from '../../../server/storage/openPostgresDatabase.js';
import { migrateToLatest } from '../../../server/storage/migrateToLatest.js';
import { openSqliteDatabase } from '../../../server/storage/openSqliteDatabase.js';
import { createPostgresSchema } from '../../helpers/postgresSchema.js';
import { makeTempDir } from '../../helpers/startTestServer.js';

/** Writes and reads a row of every kind the app stores, with values past 32 bits. */
async function roundTrip(db: Kysely<DatabaseSchema>): Promise<unknown> {
  const now = 1_795_000_000_123;
  const user = await db
    .insertInto('users')
    .values({
      username: 'wang',
      display_name: '王书记',
      password_hash: 'x',
      created_at: now,
      locked_until: now + 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const branch = await db
    .insertInto('branches')
    .values({ name: '第一党支部', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = await db
    .insertInto('meetings')
    .values({
      branch_id: branch.id,
      kind: 'democratic-life',
      title: '民主生活会',
      year: 2026,
      theme: '',
      aspects: '[]',
      scheduled_at: now,
      location: null,
      status: 'draft',
      template_id: null,
      previous_meeting_id: null,
      created_by: user.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('document_updates')
    .values({
      document: `m/${meeting.id}/minutes`,
      id: 2 ** 40,
      data: new Uint8Array([0, 1, 255]),
      created_at: now,
    })
    .execute();
  await db
    .insertInto('meeting_events')
    .values({ meeting_id: meeting.id, version: 1, command: '{}', actor_id: user.id, at: now })
    .execute();
  await db.insertInto('audit_log').values({ at: now, action: 'test' }).execute();
  const stored = await db.selectFrom('document_updates').selectAll().executeTakeFirstOrThrow();
  const audit = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'detail'])
    .executeTakeFirstOrThrow();
  return {
    user: [user.id, user.created_at, user.locked_until, user.is_admin],
    update: [stored.id, [...stored.data], stored.created_at],
    audit,
  };
}

describe('the migrations serve SQLite and PostgreSQL alike', () => {
  const dir = makeTempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the same tables on both, which store and return the same values', async () => {
    const sqlite = await openSqliteDatabase(
      { file: path.join(dir, 'db.sqlite'), synchronous: 'NORMAL' },
      createLogger('silent'),
    );
    const schema = await createPostgresSchema('migrations');
    const postgres = await openPostgresDatabase(schema.url, createLogger('silent'), false);
    try {
      // Opening migrated; running them again finds nothing to do.
      await migrateToLatest(postgres.db);
      // PostgreSQL lists the tables of every schema; ours are those of the test's schema.
      const tables = async (db: Kysely<DatabaseSchema>) =>
        (await db.introspection.getTables())
          .filter((t) => t.schema === undefined || t.schema === schema.name)
          .map((t) => t.name)
          .filter((n) => !n.startsWith('kysely_'))
          .sort();
      expect(await tables(postgres.db)).toEqual(await tables(sqlite.db));
      const expected = {
        user: [1, 1_795_000_000_123, 1_795_000_000_124, 0],
        update: [2 ** 40, [0, 1, 255], 1_795_000_000_123],
        audit: { id: 1, at: 1_795_000_000_123, detail: '{}' },
      };
      expect(await roundTrip(sqlite.db)).toEqual(expected);
      expect(await roundTrip(postgres.db)).toEqual(expected);
    } finally {
      await postgres.close();
      await schema.drop();
      await sqlite.close();
    }
  });
});
