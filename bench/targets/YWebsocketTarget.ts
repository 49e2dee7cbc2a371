import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ChildServer } from '../ChildServer.js';
import { yWebsocketReaderProtocol, type ReaderProtocol } from '../clients/readerProtocols.js';
import { connectYWebsocketWriter, type WriterConnection } from '../clients/writerConnections.js';
import { freePort } from '../freePort.js';
import type { BenchTarget, TargetContext } from './BenchTarget.js';

/**
 * The reference server, @y/websocket-server, run from its own `bin` entry with HOST and PORT.
 * It cannot run as several instances (no shared storage, no relay between processes): in a
 * multi-instance run it is one instance on the first instance core, a baseline to read the
 * others against, not a like-for-like peer.
 */
export class YWebsocketTarget implements BenchTarget {
  readonly name = 'ywebsocket' as const;
  readonly note: string;
  readonly instanceCount = 1;
  readonly cores: Array<number | null>;
  private port = 0;

  constructor(private readonly ctx: TargetContext) {
    this.cores = ctx.serverCores.slice(0, 1);
    const single = `@y/websocket-server@${this.packageJson().version}: in memory (no YPERSISTENCE), gc on`;
    this.note =
      ctx.options.instances === 1
        ? single
        : `${single}; ONE instance, all clients on it: it has no multi-instance support, so this row is a single-instance baseline, not a like-for-like peer`;
  }

  async start(): Promise<ChildServer[]> {
    this.port = await freePort();
    const bin = this.packageJson().bin['y-websocket-server'];
    if (bin === undefined) throw new Error('@y/websocket-server has no y-websocket-server bin');
    const entry = path.join(this.packageDir(), bin);
    const server = await ChildServer.start(
      {
        name: this.name,
        core: this.cores[0] ?? null,
        nodeArgs: [entry],
        cwd: this.ctx.repoRoot,
        env: { HOST: '127.0.0.1', PORT: String(this.port) },
        // Its HTTP handler answers every request with 200 "okay".
        readyUrl: `http://127.0.0.1:${this.port}/`,
        readyTimeoutMs: 20_000,
      },
      this.ctx.live,
    );
    return [server];
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  connectWriter(room: number): WriterConnection {
    return connectYWebsocketWriter(`ws://127.0.0.1:${this.port}`, roomName(room), {});
  }

  readerProtocol(room: number): ReaderProtocol {
    return yWebsocketReaderProtocol(`ws://127.0.0.1:${this.port}/${roomName(room)}`);
  }

  private packageDir(): string {
    const require = createRequire(path.join(this.ctx.repoRoot, 'package.json'));
    return path.dirname(require.resolve('@y/websocket-server/package.json'));
  }

  private packageJson(): { version: string; bin: Record<string, string> } {
    return JSON.parse(readFileSync(path.join(this.packageDir(), 'package.json'), 'utf8')) as {
      version: string;
      bin: Record<string, string>;
    };
  }
}

function roomName(room: number): string {
  return `bench-${room}`;
}
