import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { pinnedCommand, SERVER_CORE } from './cpuPinning.js';

export interface ChildServerSpec {
  name: string;
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

/**
 * One server under test, run as a child pinned to SERVER_CORE. Keeps the tail of its output for
 * the report, and is registered in `live` until it has exited so run.ts can always kill it.
 */
export class ChildServer {
  private output = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    live: Set<ChildServer>,
  ) {
    live.add(this);
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
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
    const [command, args] = pinnedCommand(SERVER_CORE, process.execPath, spec.nodeArgs);
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
