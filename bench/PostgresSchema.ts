import pg from 'pg';

/**
 * A fresh schema on the machine's PostgreSQL for one multi-instance run, so runs never see each
 * other's (or the tests') tables. `url` is the database URL with the schema as search path.
 */
export class PostgresSchema {
  private dropped = false;

  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly databaseUrl: string,
  ) {}

  static async create(databaseUrl: string, label: string): Promise<PostgresSchema> {
    const name = `bench_${label}_${process.pid}_${Date.now()}`
      .replace(/[^a-z0-9_]/gi, '_')
      .toLowerCase();
    await run(databaseUrl, `CREATE SCHEMA ${name}`);
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${name}`);
    return new PostgresSchema(name, url.toString(), databaseUrl);
  }

  /** Idempotent: the normal path and an interrupted run may both ask. */
  async drop(): Promise<void> {
    if (this.dropped) return;
    this.dropped = true;
    await run(this.databaseUrl, `DROP SCHEMA IF EXISTS ${this.name} CASCADE`);
  }
}

async function run(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
