import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

// The worker is plain CommonJS evaluated from a string, so it runs the same under tsx, Vitest
// and compiled code; it loads better-sqlite3 by the path the main thread resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies the write-ahead log back into the database file from a worker thread. SQLite's
 * automatic checkpoint runs inside a commit, on the event loop, and with its fsync held up
 * every connected client for milliseconds at a time; a PASSIVE checkpoint on another
 * connection never blocks the writer.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string, intervalMs: number, logger: Logger) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, intervalMs, driver },
    });
    this.worker.on('message', (m: { error?: string }) =>
      logger.warn({ error: m.error }, 'WAL checkpoint failed'),
    );
    this.worker.on('error', (err) => logger.error({ err }, 'WAL checkpointer stopped'));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  async stop(): Promise<void> {
    this.worker.postMessage('stop');
    await this.exited;
  }
}
