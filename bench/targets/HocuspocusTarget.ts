import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ChildServer, type ChildServerSpec } from '../ChildServer.js';
import { hocuspocusReaderProtocol, type ReaderProtocol } from '../clients/readerProtocols.js';
import { connectHocuspocusWriter, type WriterConnection } from '../clients/writerConnections.js';
import { instanceLabel } from '../cpuPinning.js';
import { distinctFreePorts } from '../freePort.js';
import type { BenchTarget, TargetContext } from './BenchTarget.js';

/** Hocuspocus has no authentication extension here, so any token is accepted. */
const TOKEN = 'bench';

/**
 * @hocuspocus/server 4 with default settings via bench/peers/hocuspocusServer.ts: no extensions
 * on one instance; with several, each has @hocuspocus/extension-redis on the run's Redis.
 */
export class HocuspocusTarget implements BenchTarget {
  readonly name = 'hocuspocus' as const;
  readonly note: string;
  readonly instanceCount: number;
  readonly cores: Array<number | null>;
  private ports: number[] = [];

  constructor(private readonly ctx: TargetContext) {
    this.instanceCount = ctx.options.instances;
    this.cores = ctx.serverCores.slice(0, this.instanceCount);
    const server = this.packageJson('server');
    const engines = server.engines?.node ?? 'any';
    const runtime = `declares node ${engines}, ran on ${process.version}`;
    this.note =
      this.instanceCount === 1
        ? `@hocuspocus/server@${server.version}: in memory (no extensions); ${runtime}`
        : `${this.instanceCount} × @hocuspocus/server@${server.version} with @hocuspocus/extension-redis@${this.packageJson('extension-redis').version} (its defaults, a prefix of the run's own), in memory, no other extensions; ${runtime}`;
  }

  async start(): Promise<ChildServer[]> {
    this.ports = await distinctFreePorts(this.instanceCount);
    const redis: Record<string, string> =
      this.instanceCount === 1
        ? {}
        : {
            REDIS_URL: this.ctx.options.redisUrl,
            REDIS_PREFIX: `hocuspocus-bench-${process.pid}-${Date.now()}`,
          };
    const specs = this.ports.map((port, i): ChildServerSpec => ({
      name: this.instanceCount === 1 ? this.name : `${this.name} ${instanceLabel(i)}`,
      core: this.cores[i] ?? null,
      nodeArgs: ['--import', 'tsx', path.join('bench', 'peers', 'hocuspocusServer.ts')],
      cwd: this.ctx.repoRoot,
      env: { PORT: String(port), ...redis },
      // Its HTTP handler answers every request with 200 "Welcome to Hocuspocus!".
      readyUrl: `http://127.0.0.1:${port}/`,
      readyTimeoutMs: 30_000,
    }));
    return ChildServer.startAll(specs, this.ctx.live);
  }

  /** Nothing outlives the instances: the extension's Redis locks expire by themselves. */
  stop(): Promise<void> {
    return Promise.resolve();
  }

  connectWriter(room: number, instance: number): WriterConnection {
    return connectHocuspocusWriter(`ws://127.0.0.1:${this.port(instance)}`, roomName(room), TOKEN);
  }

  readerProtocol(room: number, instance: number): ReaderProtocol {
    return hocuspocusReaderProtocol(`ws://127.0.0.1:${this.port(instance)}`, roomName(room), TOKEN);
  }

  private port(instance: number): number {
    const port = this.ports[instance];
    if (port === undefined) throw new Error(`hocuspocus has no instance ${instance}`);
    return port;
  }

  /** Their package "exports" hide package.json, so it is read from node_modules directly. */
  private packageJson(pkg: string): { version: string; engines?: { node?: string } } {
    const file = path.join(this.ctx.repoRoot, 'node_modules', '@hocuspocus', pkg, 'package.json');
    return JSON.parse(readFileSync(file, 'utf8')) as {
      version: string;
      engines?: { node?: string };
    };
  }
}

function roomName(room: number): string {
  return `bench-${room}`;
}
