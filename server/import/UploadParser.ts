import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportLimits } from '../../shared/import/importLimits.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import type { ErrorKey } from '../../shared/errors/errorMessages.js';
import type { ErrorParams } from '../../shared/errors/errorText.js';

/** What the worker is given: the upload's name and bytes. */
export interface ParseRequest {
  fileName: string;
  bytes: Uint8Array;
}

/** What the worker answers: the text, or the refusal readUpload gave. */
export type ParseReply =
  { ok: true; text: string } | { ok: false; key: ErrorKey; params: ErrorParams };

export interface UploadParserLimits {
  memoryMb: number;
  timeoutMs: number;
  perUser: number;
  atOnce: number;
}

const DEFAULT_LIMITS: UploadParserLimits = {
  memoryMb: ImportLimits.parseMemoryMb,
  timeoutMs: ImportLimits.parseTimeoutMs,
  perUser: ImportLimits.parsesPerUser,
  atOnce: ImportLimits.parsesAtOnce,
};

/**
 * Reads uploads (readUpload) each in a worker thread of its own, with a heap limit and a time
 * limit, and terminates the thread past either: a parser's work never runs on the event loop
 * that serves everyone else, and the memory it took goes when the thread does. Only a few
 * files are read at once, one per person.
 */
export class UploadParser {
  private readonly perUser = new Map<number, number>();
  private running = 0;
  private readonly entry = workerEntry();

  constructor(private readonly limits: UploadParserLimits = DEFAULT_LIMITS) {}

  async read(userId: number, fileName: string, bytes: Uint8Array): Promise<string> {
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) {
      throw new DomainError('import_busy');
    }
    if (this.running >= this.limits.atOnce) {
      throw new DomainError('server_busy');
    }
    this.running++;
    this.perUser.set(userId, mine + 1);
    try {
      return await this.inWorker({ fileName, bytes });
    } finally {
      this.running--;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    }
  }

  /** Runs one parse; settles only once the thread is gone, so its memory is too. */
  private async inWorker(request: ParseRequest): Promise<string> {
    // A copy on a buffer of its own, handed over rather than copied again.
    const bytes = new Uint8Array(request.bytes);
    const worker = new Worker(this.entry.code, {
      eval: this.entry.evaluate,
      workerData: { fileName: request.fileName, bytes } satisfies ParseRequest,
      transferList: [bytes.buffer],
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        maxYoungGenerationSizeMb: Math.min(32, Math.ceil(this.limits.memoryMb / 8)),
        stackSizeMb: 4,
      },
      stdout: true,
      stderr: true,
    });
    const outcome = await new Promise<ParseReply>((resolve) => {
      const timer = setTimeout(
        () => resolve(timedOut(this.limits.timeoutMs)),
        this.limits.timeoutMs,
      );
      const settle = (reply: ParseReply): void => {
        clearTimeout(timer);
        resolve(reply);
      };
      worker.once('message', (reply: ParseReply) => settle(reply));
      worker.once('error', (err: NodeJS.ErrnoException) =>
        settle(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(this.limits.memoryMb) : unreadable(),
        ),
      );
      worker.once('exit', () => settle(unreadable()));
    });
    await worker.terminate();
    if (outcome.ok) return outcome.text;
    throw new DomainError(outcome.key, outcome.params);
  }
}

/**
 * The worker's code: the compiled `parseWorker.js` beside this file (dist/server), else the
 * TypeScript source behind tsx's loader (tsx, vitest), which a worker's `--import` does not
 * reach on Node 20, hence the two lines that register it first.
 */
function workerEntry(): { code: URL | string; evaluate: boolean } {
  const compiled = new URL('./parseWorker.js', import.meta.url);
  if (existsSync(compiled)) return { code: compiled, evaluate: false };
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const source = new URL('./parseWorker.ts', import.meta.url).href;
  return {
    code: `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => {
      tsx.register();
      return import(${JSON.stringify(source)});
    });`,
    evaluate: true,
  };
}

const tooComplex = (mb: number): ParseReply => ({
  ok: false,
  key: 'file_too_complex',
  params: { mb },
});

const timedOut = (ms: number): ParseReply => ({
  ok: false,
  key: 'file_timed_out',
  params: { seconds: Math.round(ms / 1000) },
});

const unreadable = (): ParseReply => ({ ok: false, key: 'file_unreadable', params: {} });
