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
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
    return;
  }
  let emptied = false;
  try {
    emptied = db.pragma('wal_checkpoint(TRUNCATE)')[0].busy === 0;
  } catch (err) {
    parentPort.postMessage({ error: String(err) });
  }
  parentPort.postMessage({ truncated: message.truncate, emptied });
});
`;

interface WorkerMessage {
  error?: string;
  truncated?: number;
  emptied?: boolean;
}

/**
 * Copies the write-ahead log back into the database file from a worker thread. SQLite's
 * automatic checkpoint runs inside a commit, on the event loop, and with its fsync held up
 * every connected client for milliseconds at a time; a PASSIVE checkpoint on another
 * connection never blocks the writer.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly waiting = new Map<number, (emptied: boolean) => void>();
  private requests = 0;

  constructor(file: string, intervalMs: number, logger: Logger) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, intervalMs, driver },
    });
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.error !== undefined) logger.warn({ error: m.error }, 'WAL checkpoint failed');
      if (m.truncated === undefined) return;
      this.waiting.get(m.truncated)?.(m.emptied === true);
      this.waiting.delete(m.truncated);
    });
    this.worker.on('error', (err) => logger.error({ err }, 'WAL checkpointer stopped'));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        for (const resolveWaiting of this.waiting.values()) resolveWaiting(false);
        this.waiting.clear();
        resolve();
      }),
    );
  }

  /**
   * Checkpoints everything and truncates the log to zero bytes, off the event loop; resolves
   * false if a reader or another checkpoint was in the way (the caller may try again).
   */
  truncate(): Promise<boolean> {
    const id = ++this.requests;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ truncate: id });
    });
  }

  async stop(): Promise<void> {
    this.worker.postMessage('stop');
    await this.exited;
  }
}
