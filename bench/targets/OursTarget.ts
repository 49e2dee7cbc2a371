import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ChildServer } from '../ChildServer.js';
import { yWebsocketReaderProtocol, type ReaderProtocol } from '../clients/readerProtocols.js';
import { connectYWebsocketWriter, type WriterConnection } from '../clients/writerConnections.js';
import { freePort } from '../freePort.js';
import type { BenchTarget, TargetContext } from './BenchTarget.js';

/**
 * Our server as production runs it (compiled, `node dist/server/main.js`), with SQLite in a
 * fresh temp DATA_DIR. The sync channel admits anonymous connections until accounts exist.
 */
export class OursTarget implements BenchTarget {
  readonly name = 'ours' as const;
  readonly note =
    'dist/server/main.js: persists every update to SQLite before broadcasting it (fresh DATA_DIR, synchronous=NORMAL, the default); anonymous connections';
  private port = 0;

  constructor(private readonly ctx: TargetContext) {}

  async start(): Promise<ChildServer> {
    execFileSync(
      process.execPath,
      [path.join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: this.ctx.repoRoot, stdio: 'inherit' },
    );
    this.port = await freePort();
    return ChildServer.start(
      {
        name: this.name,
        nodeArgs: [path.join('dist', 'server', 'main.js')],
        cwd: this.ctx.repoRoot,
        env: {
          PORT: String(this.port),
          HOST: '127.0.0.1',
          DATA_DIR: path.join(this.ctx.tempDir, 'data'),
          LOG_LEVEL: 'warn',
        },
        readyUrl: `http://127.0.0.1:${this.port}/api/health`,
        readyTimeoutMs: 60_000,
      },
      this.ctx.live,
    );
  }

  connectWriter(room: number): WriterConnection {
    return connectYWebsocketWriter(`ws://127.0.0.1:${this.port}/yjs`, documentName(room), {});
  }

  readerProtocol(room: number): ReaderProtocol {
    return yWebsocketReaderProtocol(`ws://127.0.0.1:${this.port}/yjs/${documentName(room)}`);
  }
}

function documentName(room: number): string {
  return `bench/r${room}`;
}
