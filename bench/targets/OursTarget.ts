import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ChildServer } from '../ChildServer.js';
import { yWebsocketReaderProtocol, type ReaderProtocol } from '../clients/readerProtocols.js';
import { connectYWebsocketWriter, type WriterConnection } from '../clients/writerConnections.js';
import { freePort } from '../freePort.js';
import type { BenchTarget, TargetContext } from './BenchTarget.js';

// The admin of the fresh data dir, who also runs the bench branch's meetings; every connection
// of the run uses one session of it.
const ADMIN_PASSWORD = 'Bench-Admin-2026';

/**
 * Our server as production runs it (compiled, `node dist/server/main.js`), with SQLite in a
 * fresh temp DATA_DIR. Each room is the minutes of its own meeting, set up through the API;
 * connections carry a session token and pass the meeting's access check, as in production.
 */
export class OursTarget implements BenchTarget {
  readonly name = 'ours' as const;
  readonly note =
    'dist/server/main.js: persists every update to SQLite before broadcasting it (fresh DATA_DIR, synchronous=NORMAL, the default); every connection authenticated with a session token';
  private port = 0;
  private token = '';
  private meetingIds: number[] = [];

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
    await this.createMeetings(this.ctx.options.rooms);
    return server;
  }

  connectWriter(room: number): WriterConnection {
    return connectYWebsocketWriter(`ws://127.0.0.1:${this.port}/yjs`, this.documentName(room), {
      token: this.token,
    });
  }

  readerProtocol(room: number): ReaderProtocol {
    return yWebsocketReaderProtocol(
      `ws://127.0.0.1:${this.port}/yjs/${this.documentName(room)}?token=${this.token}`,
    );
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

  private async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`http://127.0.0.1:${this.port}${route}`, {
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
