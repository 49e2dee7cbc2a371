import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { pinnedCommand } from './cpuPinning.js';

export interface ChildServerSpec {
  name: string;
  /** The core it is pinned to (`taskset -c`); null runs it unpinned. */
  core: number | null;
  /** Node arguments (script and flags); the harness's own node binary runs them. */
  nodeArgs: string[];
  cwd: string;
  env: Record<string, string>;
  /** Polled until it answers 200. */
  readyUrl: string;
  readyTimeoutMs: number;
}

const OUTPUT_TAIL_CHARS = 8000;
const STOP_GRACE_MS = 8000;
/** Lines printed during the load that are kept verbatim for the report. */
const KEPT_LINES = 5;
const KEPT_LINE_CHARS = 600;

/**
 * One server under test, run as a child pinned to its core. Keeps the tail of its output for
 * the report, and is registered in `live` until it has exited so run.ts can always kill it.
 */
export class ChildServer {
  private output = '';
  /** Complete lines printed since `watchOutput()`, and the first few of them; null before. */
  private watched: { lines: number; first: string[]; partial: string } | null = null;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    live: Set<ChildServer>,
  ) {
    live.add(this);
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      this.output = (this.output + text).slice(-OUTPUT_TAIL_CHARS);
      if (this.watched !== null) this.watch(this.watched, text);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        live.delete(this);
        resolve();
      });
      // A spawn failure (e.g. ENOENT) emits 'error' and never 'exit'.
      child.once('error', () => {
        if (child.pid !== undefined) return;
        this.exitInfo = { code: null, signal: null };
        live.delete(this);
        resolve();
      });
    });
  }

  static async start(spec: ChildServerSpec, live: Set<ChildServer>): Promise<ChildServer> {
    const [command, args] = pinnedCommand(spec.core, process.execPath, spec.nodeArgs);
    const child = spawn(command, args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ChildServer(spec.name, child, live);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    try {
      await server.waitReady(spec.readyUrl, spec.readyTimeoutMs);
    } catch (err) {
      await server.stop();
      throw err;
    }
    return server;
  }

  /**
   * Starts the instances one after another (the first may set up shared state, e.g. migrate a
   * database); if one fails, those already started are stopped before the error is passed on.
   */
  static async startAll(specs: ChildServerSpec[], live: Set<ChildServer>): Promise<ChildServer[]> {
    const started: ChildServer[] = [];
    try {
      for (const spec of specs) started.push(await ChildServer.start(spec, live));
    } catch (err) {
      await Promise.all(started.map((s) => s.stop()));
      throw err;
    }
    return started;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no pid`);
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== null;
  }

  /** How the process ended, for the report; null while it runs. */
  get exitDescription(): string | null {
    if (this.exitInfo === null) return null;
    return this.exitInfo.signal !== null
      ? `signal ${this.exitInfo.signal}`
      : `exit code ${this.exitInfo.code}`;
  }

  get outputTail(): string {
    return this.output;
  }

  /**
   * From now on counts the lines the server prints (the start-up banner is over by then): a
   * server that logs at warn prints nothing under a healthy load, so each line is a finding.
   */
  watchOutput(): void {
    this.watched = { lines: 0, first: [], partial: '' };
  }

  /** Lines printed since `watchOutput()` and the first of them (a last unfinished one counts). */
  get watchedOutput(): { lines: number; first: string[] } {
    const w = this.watched;
    if (w === null) return { lines: 0, first: [] };
    const pending = w.partial.trim().length > 0;
    const first =
      pending && w.first.length < KEPT_LINES
        ? [...w.first, w.partial.slice(0, KEPT_LINE_CHARS)]
        : w.first;
    return { lines: w.lines + (pending ? 1 : 0), first };
  }

  /** SIGTERM, then SIGKILL if it has not exited within STOP_GRACE_MS. */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      sleep(STOP_GRACE_MS, true),
    ]);
    if (timedOut && !this.hasExited) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  /** Synchronous last resort for process 'exit' handlers. */
  killNow(): void {
    if (!this.hasExited) this.child.kill('SIGKILL');
  }

  private watch(w: { lines: number; first: string[]; partial: string }, text: string): void {
    const parts = (w.partial + text).split('\n');
    w.partial = (parts.pop() ?? '').slice(0, KEPT_LINE_CHARS);
    for (const line of parts) {
      if (line.trim().length === 0) continue;
      w.lines++;
      if (w.first.length < KEPT_LINES) w.first.push(line.slice(0, KEPT_LINE_CHARS));
    }
  }

  private async waitReady(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError = 'no answer';
    while (Date.now() < deadline) {
      if (this.hasExited) {
        throw new Error(
          `${this.name} exited (${this.exitDescription}) before it was ready:\n${this.output}`,
        );
      }
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
        lastError = `HTTP ${res.status}`;
      } catch (err) {
        lastError = (err as Error).message;
      }
      await sleep(100);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms (${lastError}):\n${this.output}`);
  }
}
