import path from 'node:path';
import type { Logger } from 'pino';
import { openPostgresDatabase } from './openPostgresDatabase.js';
import { openSqliteDatabase, type OpenDatabase } from './openSqliteDatabase.js';

export interface StorageConfig {
  /** `postgres://…` selects PostgreSQL; absent, the SQLite file in `dataDir`. */
  databaseUrl?: string;
  /** Several instances share the database (REDIS_URL is set). */
  redisUrl?: string;
  dataDir: string;
  sqliteSynchronous: 'NORMAL' | 'FULL';
}

/** The one place that picks the storage backend. */
export function openDatabase(config: StorageConfig, logger: Logger): Promise<OpenDatabase> {
  if (config.databaseUrl)
    return openPostgresDatabase(config.databaseUrl, logger, config.redisUrl !== undefined);
  return openSqliteDatabase(
    {
      file: path.join(config.dataDir, 'shenghuohui.sqlite'),
      synchronous: config.sqliteSynchronous,
    },
    logger,
  );
}
