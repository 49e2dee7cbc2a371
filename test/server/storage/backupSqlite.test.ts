import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { makeTempDir, startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

function runBackup(dataDir: string, target: string): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/backupSqlite.ts', target], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('npm run db:backup', () => {
  let server: TestServer;
  const backupDir = makeTempDir('shh-backup-');

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
  });
  afterAll(async () => {
    await server.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('copies the SQLite database while the app runs, and the copy serves as a data dir', async () => {
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    const name = meeting.documentName('minutes');
    const writer = connectProvider(server.syncUrl, name, meeting.token);
    await waitForSynced(writer);
    writer.doc.getText('t').insert(0, '备份前写下的');
    await waitFor(
      async () => (await storedDocument(server, name)).getText('t').toString() === '备份前写下的',
      'the edit to be stored',
    );
    const target = path.join(backupDir, 'backup.sqlite');
    const result = await runBackup(server.dataDir, target);
    writer.destroy();
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/integrity ok/);
    // Refuses to overwrite an existing backup.
    expect((await runBackup(server.dataDir, target)).code).toBe(2);

    // Restored: the file in a data dir of its own, a server started on it.
    const restoredDir = path.join(backupDir, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(target, path.join(restoredDir, 'shenghuohui.sqlite'));
    const restored = await startTestServer({ dataDir: restoredDir });
    try {
      const reader = connectProvider(restored.syncUrl, name, meeting.token);
      await waitFor(
        () => reader.doc.getText('t').toString() === '备份前写下的',
        'the restored text',
      );
      reader.destroy();
    } finally {
      await restored.close();
    }
  });
});
