import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createPostgresSchema } from './postgresSchema.js';

// `TEST_DATABASE=postgres` runs the servers that tests start on PostgreSQL instead of SQLite:
// the `postgres` project of vitest.config.ts runs the server suites once more that way.
const FILE = 'test-postgres-url';

/** Whether this run stores on PostgreSQL. */
export function testsOnPostgres(): boolean {
  return process.env.TEST_DATABASE === 'postgres';
}

/**
 * On PostgreSQL runs, the database of the server whose data dir is `dataDir`: a schema of its
 * own, made on first use and found again when a test restarts the server on the same dir.
 * Undefined on SQLite runs.
 */
export async function testDatabaseUrl(dataDir: string): Promise<string | undefined> {
  if (!testsOnPostgres()) return undefined;
  const file = path.join(dataDir, FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const schema = await createPostgresSchema(path.basename(dataDir));
  writeFileSync(file, schema.url);
  return schema.url;
}

/** Drops the schema `testDatabaseUrl` made for `dataDir`, if any. */
export async function dropTestDatabase(dataDir: string): Promise<void> {
  const file = path.join(dataDir, FILE);
  if (!existsSync(file)) return;
  const url = new URL(readFileSync(file, 'utf8'));
  const schema = /search_path=(\w+)/.exec(url.searchParams.get('options') ?? '')?.[1];
  if (!schema) return;
  url.searchParams.delete('options');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
