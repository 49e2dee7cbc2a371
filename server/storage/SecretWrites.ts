import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './DatabaseSchema.js';

/**
 * Writes of secrets (the appraisal ballots) that must leave nothing behind in the stored
 * files once overwritten: what the backend can do about its old row versions.
 */
export interface SecretWrites {
  /** Runs `write` so that the content it overwrites or deletes is zeroed where it lay. */
  run<T>(write: (db: Kysely<DatabaseSchema>) => Promise<T>): Promise<T>;
  /** Empties the write-ahead log of past versions, after the last secret was overwritten. */
  purgeLog(): Promise<void>;
}

/** For a backend that can do neither (PostgreSQL: see docs/appraisal-secrecy.md). */
export function plainSecretWrites(db: Kysely<DatabaseSchema>): SecretWrites {
  return { run: (write) => write(db), purgeLog: () => Promise.resolve() };
}
