import pg from 'pg';

/** The PostgreSQL on this machine (and CI's): trust auth, database `test`. */
export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresSchema {
  name: string;
  /** `POSTGRES_URL` with this schema as the search path: a database of the test's own. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh schema on the shared PostgreSQL, so tests never see each other's tables. */
export async function createPostgresSchema(label: string): Promise<PostgresSchema> {
  const name = `t_${label}_${process.pid}_${Date.now()}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const run = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA ${name}`);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString(), drop: () => run(`DROP SCHEMA ${name} CASCADE`) };
}
