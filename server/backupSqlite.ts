import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, readEnv } from './env.js';

// Entry point of `npm run db:backup -- <file>`: an online backup of the SQLite database in
// DATA_DIR, taken with SQLite's backup API while the app keeps running. The copy is a
// consistent snapshot, restorable by stopping the app and putting it in place of the file.
async function run(): Promise<void> {
  const config = readEnv();
  if (config.databaseUrl) {
    throw new ConfigError('DATABASE_URL is set: back PostgreSQL up with pg_dump instead');
  }
  const target = process.argv[2];
  if (!target) throw new ConfigError('usage: npm run db:backup -- <backup file>');
  const source = path.join(config.dataDir, 'shenghuohui.sqlite');
  if (!existsSync(source)) throw new ConfigError(`no database at ${source}`);
  if (existsSync(target)) throw new ConfigError(`${target} exists; name a new file`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    const check = new Database(target, { readonly: true });
    const result = check.pragma('integrity_check', { simple: true });
    check.close();
    if (result !== 'ok') throw new Error(`the backup fails its integrity check: ${String(result)}`);
    process.stdout.write(
      `备份完成 (backup written): ${target}, ${totalPages} pages, integrity ok\n`,
    );
  } finally {
    db.close();
  }
}

await run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof ConfigError ? 2 : 1;
});
