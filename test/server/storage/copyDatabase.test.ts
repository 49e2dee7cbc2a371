import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CAST, DEMO_PASSWORD } from '../../../server/demo/demoCast.js';
import { seedDemo } from '../../../server/demo/seedDemo.js';
import { createLogger } from '../../../server/log/createLogger.js';
import type { DatabaseSchema } from '../../../server/storage/DatabaseSchema.js';
import { copyDatabase } from '../../../server/storage/copyDatabase.js';
import { openPostgresDatabase } from '../../../server/storage/openPostgresDatabase.js';
import { openSqliteReadOnly } from '../../../server/storage/openSqliteReadOnly.js';
import type { OpenDatabase } from '../../../server/storage/openSqliteDatabase.js';
import { verifyCopy } from '../../../server/storage/verifyCopy.js';
import { api, login } from '../../helpers/apiClient.js';
import { connectMeetingClient } from '../../helpers/meetingSockets.js';
import { createPostgresSchema, type PostgresSchema } from '../../helpers/postgresSchema.js';
import { startTestServer } from '../../helpers/startTestServer.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ADMIN_INITIAL_PASSWORD = 'Admin-Copy-Start-2026';
const ADMIN_PASSWORD = 'Admin-Copy-Test-2026';
const TEXT = '会议记录：从 SQLite 搬到 PostgreSQL';
const HOST = 'wangjianguo';

/** Types `text` into `document` and resolves once a second client has it, i.e. it is stored. */
async function writeText(syncUrl: string, document: string, token: string, text: string) {
  const writer = connectProvider(syncUrl, document, token);
  const reader = connectProvider(syncUrl, document, token);
  try {
    await Promise.all([waitForSynced(writer), waitForSynced(reader)]);
    const shared = writer.doc.getText('t');
    shared.insert(shared.length, text);
    const expected = shared.toString();
    await waitFor(() => reader.doc.getText('t').toString() === expected, 'the text to be shared');
  } finally {
    writer.destroy();
    reader.destroy();
  }
}

async function maxUpdateId(db: Kysely<DatabaseSchema>): Promise<number> {
  const { id } = await db
    .selectFrom('document_updates')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  return Number(id ?? 0);
}

describe('The SQLite → PostgreSQL copy command', () => {
  const logger = createLogger('silent');
  // One schema at a time: Kysely's migrator looks for its own tables in every schema, so a
  // second schema holding them makes migrating a fresh one fail.
  let schema: PostgresSchema | undefined;
  let dataDir: string;
  let document: string;

  /** An empty PostgreSQL schema, migrated the way the app does it. */
  const openTarget = async (label: string): Promise<OpenDatabase> => {
    schema = await createPostgresSchema(`copy_${label}`);
    return openPostgresDatabase(schema.url, logger, false);
  };
  const openSource = () => openSqliteReadOnly(path.join(dataDir, 'shenghuohui.sqlite'));

  beforeAll(async () => {
    // A stopped installation on SQLite: the demo data set, a started meeting with a moderation
    // log, and text that a member typed into one of its documents.
    const server = await startTestServer({ adminPassword: ADMIN_INITIAL_PASSWORD });
    dataDir = server.dataDir;
    try {
      const meeting = await seedDemo(server.url, {
        username: 'admin',
        initialPassword: ADMIN_INITIAL_PASSWORD,
        password: ADMIN_PASSWORD,
      });
      const meetingId = meeting.id;
      const host = await login(server.url, HOST, DEMO_PASSWORD);
      await api(server, 'POST', `/api/meetings/${meetingId}/status`, {
        token: host,
        body: { status: 'in-progress' },
      });
      const moderator = await connectMeetingClient(server, host);
      const joined = await moderator.join(meetingId);
      moderator.close();
      if (!joined.ok) throw new Error(joined.error.code);
      const detail = await api<{
        meeting: { documents: Array<{ name: string; canWrite: boolean }> };
      }>(server, 'GET', `/api/meetings/${meetingId}`, { token: host });
      document = detail.body.meeting.documents.find((d) => d.canWrite)!.name;
      await writeText(server.syncUrl, document, host, TEXT);
    } finally {
      await server.stop();
    }
  });
  afterEach(async () => {
    await schema?.drop();
    schema = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('moves a demo data set and its verification passes; the app then runs on the copy', async () => {
    let copiedMaxId: number | undefined;
    const source = await openSource();
    const target = await openTarget('demo');
    try {
      const copied = await copyDatabase(source.db, target.db, { logger, batchRows: 7 });
      const report = await verifyCopy(source.db, target.db);
      expect(report.mismatches).toEqual([]);
      expect(report.ok).toBe(true);
      const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.targetRows]));
      for (const table of [
        'users',
        'sessions',
        'audit_log',
        'branches',
        'branch_members',
        'meetings',
        'meeting_participants',
        'meeting_documents',
        'meeting_events',
        'document_updates',
      ]) {
        expect([table, rows[table]]).not.toEqual([table, 0]);
      }
      expect(rows['users']).toBe(DEMO_CAST.length + 1);
      expect(copied.tables).toEqual(
        report.tables.map((t) => ({ table: t.table, rows: t.sourceRows })),
      );
      expect(report.documentsChecked).toBeGreaterThan(0);
      copiedMaxId = await maxUpdateId(target.db);
    } finally {
      await target.close();
      await source.close();
    }

    const server = await startTestServer({ databaseUrl: schema!.url });
    try {
      // Signing in writes a session and an audit row: the identity sequences moved on.
      const host = await login(server.url, HOST, DEMO_PASSWORD);
      const reader = connectProvider(server.syncUrl, document, host);
      await waitForSynced(reader);
      expect(reader.doc.getText('t').toString()).toBe(TEXT);
      reader.destroy();
      await writeText(server.syncUrl, document, host, '（续）');
      const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
      const branch = await api(server, 'POST', '/api/branches', {
        token: admin,
        body: { name: '第二党支部' },
      });
      expect(branch.status).toBe(201);
    } finally {
      await server.stop();
    }
    // New update rows took ids after the copied ones (the id sequence moved on too).
    const after = await openPostgresDatabase(schema!.url, logger, false);
    try {
      expect(await maxUpdateId(after.db)).toBeGreaterThan(copiedMaxId ?? Infinity);
    } finally {
      await after.close();
    }
  });

  it('refuses a target that already holds data, and leaves it as it was', async () => {
    const source = await openSource();
    const target = await openTarget('filled');
    try {
      await target.db.insertInto('branches').values({ name: '已有支部', created_at: 1 }).execute();
      await expect(copyDatabase(source.db, target.db, { logger })).rejects.toThrow(
        /already holds data \(in branches\)/,
      );
      const users = await target.db.selectFrom('users').select('id').execute();
      expect(users).toEqual([]);
    } finally {
      await target.close();
      await source.close();
    }
  });

  it('reports a mismatch when the target is altered after copying', async () => {
    const source = await openSource();
    const target = await openTarget('altered');
    try {
      await copyDatabase(source.db, target.db, { logger });
      await target.db
        .updateTable('users')
        .set({ display_name: '改过的名字' })
        .where('username', '=', HOST)
        .execute();
      await target.db.deleteFrom('document_updates').where('document', '=', document).execute();
      const report = await verifyCopy(source.db, target.db);
      expect(report.ok).toBe(false);
      expect(report.tables.filter((t) => !t.same).map((t) => t.table)).toEqual([
        'users',
        'document_updates',
      ]);
      expect(report.mismatches).toContain(`document ${document}: missing in the target`);
      expect(report.mismatches.join('\n')).toMatch(/table users: .*different content/);
    } finally {
      await target.close();
      await source.close();
    }
  });

  it('runs as a command that exits 0 after a verified copy', async () => {
    schema = await createPostgresSchema('copy_cli');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/copyToPostgres.ts'], {
      cwd: rootDir,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: schema.url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toMatch(/校验通过/);
    const copy = await openPostgresDatabase(schema.url, logger, false);
    try {
      const users = await copy.db.selectFrom('users').select('id').execute();
      expect(users).toHaveLength(DEMO_CAST.length + 1);
    } finally {
      await copy.close();
    }
  });
});
