import { statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, readEnv } from './env.js';
import { createLogger } from './log/createLogger.js';
import { copyDatabase, CopyRefusedError } from './storage/copyDatabase.js';
import { openPostgresDatabase } from './storage/openPostgresDatabase.js';
import { openSqliteReadOnly } from './storage/openSqliteReadOnly.js';
import { verifyCopy, type CopyVerification } from './storage/verifyCopy.js';

// Entry point of `npm run db:copy-to-postgres`: copies the SQLite file in DATA_DIR into the
// empty PostgreSQL at DATABASE_URL, then verifies the copy. Exit 0: copied and verified;
// 1: refused, failed or a difference found; 2: the environment is wrong (as for `npm start`).
const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

async function run(): Promise<number> {
  const config = readEnv();
  if (!config.databaseUrl) {
    throw new ConfigError('DATABASE_URL is not set: it names the PostgreSQL database to copy into');
  }
  const file = path.join(config.dataDir, 'shenghuohui.sqlite');
  const logger = createLogger(config.logLevel);
  say('生活会协作台：把 SQLite 中的全部数据（含文档）复制到 PostgreSQL 并校验');
  say(`  来源：${file}（只读打开，不会改动）`);
  say(`  目标：${describeTarget(config.databaseUrl)}（必须是空库或空 schema）`);
  say('  请确认应用已经停止：复制期间写入的内容不会被复制。');
  if (walBytes(file) > 0) {
    say('  注意：SQLite 的预写日志不是空的，应用可能仍在运行，或上次没有正常停止。');
  }
  say();
  const source = await openSqliteReadOnly(file);
  try {
    // Migrates the target to this version's schema, exactly as `npm start` would. Not shared:
    // no instance may run on the target while it is being filled.
    const target = await openPostgresDatabase(config.databaseUrl, logger, false);
    try {
      await copyDatabase(source.db, target.db, { logger });
      const report = await verifyCopy(source.db, target.db);
      logger.info(
        { ok: report.ok, documents: report.documentsChecked, mismatches: report.mismatches },
        'copy verified',
      );
      // The log is written asynchronously: let it out first, so lines do not interleave.
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
      printReport(report);
      return report.ok ? 0 : 1;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

function printReport(report: CopyVerification): void {
  const width = Math.max(...report.tables.map((t) => t.table.length));
  say(`  ${'表'.padEnd(width - 1)}  来源行数  目标行数`);
  for (const t of report.tables) {
    const rows = `${String(t.sourceRows).padStart(8)}  ${String(t.targetRows).padStart(8)}`;
    say(`  ${t.table.padEnd(width)}  ${rows}  ${t.same ? '一致' : '不一致'}`);
  }
  say(`  文档：${report.documentsChecked} 个，逐个由更新记录重建后比较 Yjs 状态`);
  say();
  if (report.ok) {
    say('校验通过。设置 DATABASE_URL 后启动应用即使用 PostgreSQL；SQLite 文件未改动，可留作备份。');
    return;
  }
  say('校验未通过：');
  for (const line of report.mismatches) say(`  - ${line}`);
  say('目标库中的数据不可用：删除该库（或 schema）、确认应用已停止后重新复制。');
}

/** The target without its password, for the operator's eyes. */
function describeTarget(url: string): string {
  const parsed = new URL(url);
  const schema = /search_path=([^\s&]+)/.exec(parsed.searchParams.get('options') ?? '')?.[1];
  const where = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  return schema ? `${where}，schema ${schema}` : where;
}

/** A running app (or one that was killed) leaves a non-empty write-ahead log beside the file. */
function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  if (err instanceof CopyRefusedError) {
    process.stderr.write(`复制被拒绝，目标库未写入任何数据：${err.message}\n`);
    return 1;
  }
  process.stderr.write(`复制失败：${err instanceof Error ? err.stack : String(err)}\n`);
  return 1;
}

process.exitCode = await run().catch(exitCodeFor);
