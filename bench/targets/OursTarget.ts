import path from 'node:path';
import { ChildServer } from '../ChildServer.js';
import { yWebsocketReaderProtocol, type ReaderProtocol } from '../clients/readerProtocols.js';
import { connectYWebsocketWriter, type WriterConnection } from '../clients/writerConnections.js';
import { freePort } from '../freePort.js';
import type { BenchTarget, TargetContext } from './BenchTarget.js';
import { BENCH_ADMIN, OursRoomSetup, type OursRooms } from './OursRoomSetup.js';

/** Our server, `node --import tsx server/main.ts`, with SQLite in a fresh temp DATA_DIR. */
export class OursTarget implements BenchTarget {
  readonly name = 'ours' as const;
  private port = 0;
  private rooms: OursRooms | null = null;

  constructor(private readonly ctx: TargetContext) {}

  get note(): string {
    const how = this.rooms === null ? '' : `; ${this.rooms.how}`;
    return `server/main.ts: persists every update to SQLite (fresh DATA_DIR, SQLITE_SYNCHRONOUS default)${how}`;
  }

  async start(): Promise<ChildServer> {
    this.port = await freePort();
    return ChildServer.start(
      {
        name: this.name,
        nodeArgs: ['--import', 'tsx', path.join('server', 'main.ts')],
        cwd: this.ctx.repoRoot,
        env: {
          PORT: String(this.port),
          HOST: '127.0.0.1',
          DATA_DIR: path.join(this.ctx.tempDir, 'data'),
          LOG_LEVEL: 'warn',
          // Only used once the server creates its first admin from these.
          ADMIN_USERNAME: BENCH_ADMIN.username,
          ADMIN_PASSWORD: BENCH_ADMIN.password,
        },
        readyUrl: `http://127.0.0.1:${this.port}/api/health`,
        readyTimeoutMs: 60_000,
      },
      this.ctx.live,
    );
  }

  async prepare(rooms: number): Promise<void> {
    this.rooms = await new OursRoomSetup(`http://127.0.0.1:${this.port}`).prepare(rooms);
  }

  connectWriter(room: number): WriterConnection {
    const r = this.requireRooms();
    return connectYWebsocketWriter(`ws://127.0.0.1:${this.port}/yjs`, this.documentName(room), r.params);
  }

  readerProtocol(room: number): ReaderProtocol {
    const r = this.requireRooms();
    const query = new URLSearchParams(r.params).toString();
    const url = `ws://127.0.0.1:${this.port}/yjs/${this.documentName(room)}${query ? `?${query}` : ''}`;
    return yWebsocketReaderProtocol(url);
  }

  private documentName(room: number): string {
    const name = this.requireRooms().documentNames[room];
    if (name === undefined) throw new Error(`no document for room ${room}`);
    return name;
  }

  private requireRooms(): OursRooms {
    if (this.rooms === null) throw new Error('prepare() has not run');
    return this.rooms;
  }
}
