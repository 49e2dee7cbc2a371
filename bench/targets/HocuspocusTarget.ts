import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ChildServer } from '../ChildServer.js';
import { hocuspocusReaderProtocol, type ReaderProtocol } from '../clients/readerProtocols.js';
import { connectHocuspocusWriter, type WriterConnection } from '../clients/writerConnections.js';
import { freePort } from '../freePort.js';
import type { BenchTarget, TargetContext } from './BenchTarget.js';

/** Hocuspocus has no authentication extension here, so any token is accepted. */
const TOKEN = 'bench';

/** @hocuspocus/server 4 with default settings and no extensions, via bench/peers/hocuspocusServer.ts. */
export class HocuspocusTarget implements BenchTarget {
  readonly name = 'hocuspocus' as const;
  readonly note: string;
  private port = 0;

  constructor(private readonly ctx: TargetContext) {
    // Its package "exports" hide package.json, so read it from node_modules directly.
    const pkgPath = path.join(
      ctx.repoRoot,
      'node_modules',
      '@hocuspocus',
      'server',
      'package.json',
    );
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
      version: string;
      engines?: { node?: string };
    };
    const engines = pkg.engines?.node ?? 'any';
    this.note = `@hocuspocus/server@${pkg.version}: in memory (no extensions); declares node ${engines}, ran on ${process.version}`;
  }

  async start(): Promise<ChildServer> {
    this.port = await freePort();
    return ChildServer.start(
      {
        name: this.name,
        nodeArgs: ['--import', 'tsx', path.join('bench', 'peers', 'hocuspocusServer.ts')],
        cwd: this.ctx.repoRoot,
        env: { PORT: String(this.port) },
        // Its HTTP handler answers every request with 200 "Welcome to Hocuspocus!".
        readyUrl: `http://127.0.0.1:${this.port}/`,
        readyTimeoutMs: 30_000,
      },
      this.ctx.live,
    );
  }

  connectWriter(room: number): WriterConnection {
    return connectHocuspocusWriter(`ws://127.0.0.1:${this.port}`, roomName(room), TOKEN);
  }

  readerProtocol(room: number): ReaderProtocol {
    return hocuspocusReaderProtocol(`ws://127.0.0.1:${this.port}`, roomName(room), TOKEN);
  }
}

function roomName(room: number): string {
  return `bench-${room}`;
}
