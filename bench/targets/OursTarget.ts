import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ChildServer } from '../ChildServer.js';
import { yWebsocketReaderProtocol, type ReaderProtocol } from '../clients/readerProtocols.js';
import { connectYWebsocketWriter, type WriterConnection } from '../clients/writerConnections.js';
import { freePort } from '../freePort.js';
import type { BenchTarget, TargetContext } from './BenchTarget.js';

// The admin of the fresh data dir; every connection of the run uses one session of it.
const ADMIN_PASSWORD = 'Bench-Admin-2026';

/**
 * Our server as production runs it (compiled, `node dist/server/main.js`), with SQLite in a
 * fresh temp DATA_DIR. Connections carry a session token, as the sync channel requires.
 */
export class OursTarget implements BenchTarget {
  readonly name = 'ours' as const;
  readonly note =
    'dist/server/main.js: persists every update to SQLite before broadcasting it (fresh DATA_DIR, synchronous=NORMAL, the default); every connection authenticated with a session token';
  private port = 0;
  private token = '';

  constructor(private readonly ctx: TargetContext) {}

  async start(): Promise<ChildServer> {
    execFileSync(
      process.execPath,
      [path.join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: this.ctx.repoRoot, stdio: 'inherit' },
    );
    this.port = await freePort();
    const server = await ChildServer.start(
      {
        name: this.name,
        nodeArgs: [path.join('dist', 'server', 'main.js')],
        cwd: this.ctx.repoRoot,
        env: {
          PORT: String(this.port),
          HOST: '127.0.0.1',
          DATA_DIR: path.join(this.ctx.tempDir, 'data'),
          LOG_LEVEL: 'warn',
          ADMIN_PASSWORD,
        },
        readyUrl: `http://127.0.0.1:${this.port}/api/health`,
        readyTimeoutMs: 60_000,
      },
      this.ctx.live,
    );
    await this.signIn();
    return server;
  }

  connectWriter(room: number): WriterConnection {
    return connectYWebsocketWriter(`ws://127.0.0.1:${this.port}/yjs`, documentName(room), {
      token: this.token,
    });
  }

  readerProtocol(room: number): ReaderProtocol {
    return yWebsocketReaderProtocol(
      `ws://127.0.0.1:${this.port}/yjs/${documentName(room)}?token=${this.token}`,
    );
  }

  private async signIn(): Promise<void> {
    const res = await fetch(`http://127.0.0.1:${this.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    if (res.status !== 200)
      throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
    this.token = ((await res.json()) as { token: string }).token;
  }
}

function documentName(room: number): string {
  return `bench/r${room}`;
}
