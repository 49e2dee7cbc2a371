import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ChildServer, type ChildServerSpec } from '../ChildServer.js';
import { yWebsocketReaderProtocol, type ReaderProtocol } from '../clients/readerProtocols.js';
import { connectYWebsocketWriter, type WriterConnection } from '../clients/writerConnections.js';
import { instanceLabel } from '../cpuPinning.js';
import { distinctFreePorts } from '../freePort.js';
import { PostgresSchema } from '../PostgresSchema.js';
import type { BenchTarget, TargetContext } from './BenchTarget.js';

// The admin of the fresh data dir, who also runs the bench branch's meetings; every connection
// of the run uses one session of it. It starts with ADMIN_PASSWORD and must replace it first.
const ADMIN_PASSWORD = 'Bench-Admin-2026';
const ADMIN_NEW_PASSWORD = 'Bench-Admin-2026-neu';

const SINGLE_NOTE =
  'dist/server/main.js: persists every update to SQLite before broadcasting it (fresh DATA_DIR, synchronous=NORMAL, the default); every connection authenticated with a session token';

/**
 * Our server as production runs it (compiled, `node dist/server/main.js`). One instance uses
 * SQLite in a fresh temp DATA_DIR; several share a fresh PostgreSQL schema and relay through
 * Redis (a channel prefix of the run's own), as a multi-instance deployment does. Each room is
 * the minutes of its own meeting, set up through the API (of instance A); connections carry a
 * session token and pass the meeting's access check on whichever instance they reach.
 */
export class OursTarget implements BenchTarget {
  readonly name = 'ours' as const;
  readonly note: string;
  readonly instanceCount: number;
  readonly cores: Array<number | null>;
  private ports: number[] = [];
  private token = '';
  private meetingIds: number[] = [];
  private schema: PostgresSchema | null = null;
  private readonly dropSchema = async (): Promise<void> => {
    await this.schema?.drop();
  };

  constructor(private readonly ctx: TargetContext) {
    this.instanceCount = ctx.options.instances;
    this.cores = ctx.serverCores.slice(0, this.instanceCount);
    this.note =
      this.instanceCount === 1
        ? SINGLE_NOTE
        : `${this.instanceCount} × dist/server/main.js on one fresh PostgreSQL schema: each stores every update before it broadcasts it to its clients and publishes it to the other instance through Redis pub/sub (REDIS_PREFIX of the run's own); every connection authenticated with a session token`;
  }

  async start(): Promise<ChildServer[]> {
    execFileSync(
      process.execPath,
      [path.join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: this.ctx.repoRoot, stdio: 'inherit' },
    );
    const shared = this.instanceCount === 1 ? {} : await this.sharedStorage();
    this.ports = await distinctFreePorts(this.instanceCount);
    const specs = this.ports.map((port, i): ChildServerSpec => ({
      name: this.instanceCount === 1 ? this.name : `${this.name} ${instanceLabel(i)}`,
      core: this.cores[i] ?? null,
      nodeArgs: [path.join('dist', 'server', 'main.js')],
      cwd: this.ctx.repoRoot,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(this.ctx.tempDir, this.instanceCount === 1 ? 'data' : `data-${i}`),
        LOG_LEVEL: 'warn',
        ADMIN_PASSWORD,
        ...shared,
      },
      readyUrl: `http://127.0.0.1:${port}/api/health`,
      readyTimeoutMs: 60_000,
    }));
    const servers = await ChildServer.startAll(specs, this.ctx.live);
    try {
      await this.signIn();
      await this.createMeetings(this.ctx.options.rooms);
    } catch (err) {
      await Promise.all(servers.map((s) => s.stop()));
      throw err;
    }
    return servers;
  }

  async stop(): Promise<void> {
    await this.dropSchema();
    this.ctx.exitTasks.delete(this.dropSchema);
  }

  connectWriter(room: number, instance: number): WriterConnection {
    return connectYWebsocketWriter(
      `ws://127.0.0.1:${this.port(instance)}/yjs`,
      this.documentName(room),
      { token: this.token },
    );
  }

  readerProtocol(room: number, instance: number): ReaderProtocol {
    return yWebsocketReaderProtocol(
      `ws://127.0.0.1:${this.port(instance)}/yjs/${this.documentName(room)}?token=${this.token}`,
    );
  }

  /** A fresh schema, dropped by stop() or, if the run is interrupted, by run.ts. */
  private async sharedStorage(): Promise<Record<string, string>> {
    const o = this.ctx.options;
    this.schema = await PostgresSchema.create(o.databaseUrl, 'ours');
    this.ctx.exitTasks.add(this.dropSchema);
    return {
      DATABASE_URL: this.schema.url,
      REDIS_URL: o.redisUrl,
      REDIS_PREFIX: `shh-bench-${process.pid}-${Date.now()}`,
    };
  }

  private port(instance: number): number {
    const port = this.ports[instance];
    if (port === undefined) throw new Error(`ours has no instance ${instance}`);
    return port;
  }

  private documentName(room: number): string {
    return `m/${this.meetingIds[room]}/minutes`;
  }

  private async signIn(): Promise<void> {
    const { token } = await this.call<{ token: string }>('POST', '/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    this.token = token;
    await this.call('POST', '/api/auth/password', {
      oldPassword: ADMIN_PASSWORD,
      newPassword: ADMIN_NEW_PASSWORD,
    });
  }

  /** A branch with the admin as its secretary, and one meeting (hosted by them) per room. */
  private async createMeetings(rooms: number): Promise<void> {
    const { user } = await this.call<{ user: { id: number } }>('GET', '/api/auth/me');
    const { branch } = await this.call<{ branch: { id: number } }>('POST', '/api/branches', {
      name: 'bench',
    });
    await this.call('POST', `/api/branches/${branch.id}/members`, {
      userId: user.id,
      role: 'secretary',
    });
    for (let room = 0; room < rooms; room++) {
      const { meeting } = await this.call<{ meeting: { id: number } }>('POST', '/api/meetings', {
        branchId: branch.id,
        kind: 'democratic-life',
        title: `bench ${room}`,
      });
      this.meetingIds.push(meeting.id);
    }
  }

  /** The API of instance A; the others read the same database. */
  private async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`http://127.0.0.1:${this.port(0)}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`bench ${method} ${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}
