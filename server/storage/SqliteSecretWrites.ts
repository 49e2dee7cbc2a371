import { setTimeout as delay } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseSchema } from './DatabaseSchema.js';
import type { SecretWrites } from './SecretWrites.js';
import type { WalCheckpointer } from './WalCheckpointer.js';

// Tries of the log-emptying checkpoint while a reader (a backup, say) holds the log; each waits
// up to the checkpointer's busy timeout.
const PURGE_ATTEMPTS = 20;
const PURGE_RETRY_MS = 20;

/**
 * SQLite: secret writes run with `secure_delete = ON`, which zeroes every freed page and cell
 * (the connection's usual FAST leaves freed overflow pages, where long ballot lists lie,
 * untouched). The write-ahead log keeps every committed version of a page until it is
 * overwritten by a later one, so checkpointing alone is not enough: `purgeLog` copies the
 * latest pages into the file and truncates the log to zero bytes.
 */
export class SqliteSecretWrites implements SecretWrites {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly checkpointer: WalCheckpointer,
    private readonly logger: Logger,
  ) {}

  run<T>(write: (db: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
    // A transaction holds the one connection: no other statement runs with the setting on,
    // and no secret write runs with it off.
    return this.db.transaction().execute(async (trx) => {
      await sql`PRAGMA secure_delete = ON`.execute(trx);
      try {
        return await write(trx);
      } finally {
        await sql`PRAGMA secure_delete = FAST`.execute(trx);
      }
    });
  }

  async purgeLog(): Promise<void> {
    // On the checkpointer's thread: the checkpoint's fsync and any wait for a reader stay off
    // the event loop.
    for (let attempt = 1; attempt <= PURGE_ATTEMPTS; attempt++) {
      if (await this.checkpointer.truncate()) return;
      await delay(PURGE_RETRY_MS);
    }
    // Never the ballots themselves: only that the log still holds their past versions.
    this.logger.error('the SQLite write-ahead log could not be emptied after an appraisal round');
  }
}
