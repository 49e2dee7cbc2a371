import { setTimeout as sleep } from 'node:timers/promises';
import { MarkerWriter } from './clients/MarkerWriter.js';
import { KEEPALIVE_MS } from './clients/readerProtocols.js';
import { ThinReader } from './clients/ThinReader.js';
import type { LatencyRecorder } from './LatencyRecorder.js';
import type { BenchTarget } from './targets/BenchTarget.js';

const OPEN_TIMEOUT_MS = 15_000;
const CLOSE_GRACE_MS = 1000;
const KEEPALIVE_TICK_MS = 250;

/** Lanes of the recorder: a reader on the writer's instance, or on another one. */
export const SAME_INSTANCE_LANE = 0;
export const OTHER_INSTANCE_LANE = 1;

/**
 * All clients of one server's run: per room one MarkerWriter and clients - 1 ThinReaders. With
 * several instances, room r's writer is on instance r mod n and its k-th reader on (r + k) mod n:
 * writers are shared evenly, and each room's readers alternate starting with another instance,
 * so about half of every update's deliveries cross from one instance to the other.
 */
export class ClientFleet {
  readonly writers: MarkerWriter[] = [];
  readonly readers: ThinReader[] = [];
  failed = 0;
  firstFailure: string | null = null;
  /** Connections open on each instance. */
  readonly openByInstance: number[];
  private keepAlive: NodeJS.Timeout | null = null;

  constructor(
    private readonly target: BenchTarget,
    private readonly recorder: LatencyRecorder,
    private readonly rooms: number,
    private readonly clientsPerRoom: number,
  ) {
    this.openByInstance = Array.from({ length: target.instanceCount }, () => 0);
  }

  /** Readers per room on the writer's instance and on another one (the same in every room). */
  get readersPerRoomByLane(): [number, number] {
    let same = 0;
    for (let k = 1; k < this.clientsPerRoom; k++) {
      if (this.readerInstance(0, k) === this.writerInstance(0)) same++;
    }
    return [same, this.clientsPerRoom - 1 - same];
  }

  get intended(): number {
    return this.rooms * this.clientsPerRoom;
  }

  get open(): number {
    return this.writers.length + this.readers.length;
  }

  /** Opens every connection, `batch` handshakes at a time, room by room. */
  async connect(batch: number, onProgress: (done: number) => void): Promise<void> {
    const jobs: Array<() => Promise<void>> = [];
    for (let room = 0; room < this.rooms; room++) {
      const writerAt = this.writerInstance(room);
      jobs.push(() => this.openWriter(room, writerAt));
      // One protocol per instance of the room, shared by its readers there.
      const protocols = this.openByInstance.map((_, i) => this.target.readerProtocol(room, i));
      for (let k = 1; k < this.clientsPerRoom; k++) {
        const at = this.readerInstance(room, k);
        const lane = at === writerAt ? SAME_INSTANCE_LANE : OTHER_INSTANCE_LANE;
        const protocol = protocols[at] as (typeof protocols)[number];
        jobs.push(() => this.openReader(new ThinReader(room, lane, protocol, this.recorder), at));
      }
    }
    for (let i = 0; i < jobs.length; i += batch) {
      await Promise.all(jobs.slice(i, i + batch).map((job) => job()));
      onProgress(Math.min(i + batch, jobs.length));
    }
    this.startKeepAlive();
  }

  /**
   * Each reader sends its keep-alive once per KEEPALIVE_MS, spread over the interval in small
   * slices: a burst of thousands at once would stall the server and show up as a latency spike.
   */
  private startKeepAlive(): void {
    const n = this.readers.length;
    if (n === 0) return;
    const perTick = Math.ceil((n * KEEPALIVE_TICK_MS) / KEEPALIVE_MS);
    let cursor = 0;
    this.keepAlive = setInterval(() => {
      for (let k = 0; k < perTick; k++) {
        this.readers[cursor]?.sendKeepAlive();
        cursor = (cursor + 1) % n;
      }
    }, KEEPALIVE_TICK_MS);
  }

  /** Starts every writer, their first inserts spread evenly over one period. */
  startWriters(rate: number): void {
    const periodMs = 1000 / rate;
    const n = this.writers.length;
    this.writers.forEach((w, i) => w.start(periodMs, (i / n) * periodMs));
  }

  stopWriters(): void {
    for (const w of this.writers) w.stop();
  }

  async close(): Promise<void> {
    if (this.keepAlive !== null) clearInterval(this.keepAlive);
    this.stopWriters();
    for (const r of this.readers) r.close();
    for (const w of this.writers) w.connection.destroy();
    await sleep(CLOSE_GRACE_MS);
    for (const r of this.readers) r.terminate();
  }

  writerDisconnects(): number {
    return this.writers.reduce((sum, w) => sum + w.connection.disconnects(), 0);
  }

  readerCloses(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.readers) {
      if (r.unexpectedClose === null) continue;
      counts[r.unexpectedClose] = (counts[r.unexpectedClose] ?? 0) + 1;
    }
    return counts;
  }

  private writerInstance(room: number): number {
    return room % this.target.instanceCount;
  }

  private readerInstance(room: number, k: number): number {
    return (room + k) % this.target.instanceCount;
  }

  private async openWriter(room: number, instance: number): Promise<void> {
    const connection = this.target.connectWriter(room, instance);
    try {
      await withTimeout(connection.synced, OPEN_TIMEOUT_MS, `writer of room ${room} did not sync`);
      this.writers.push(new MarkerWriter(room, connection, this.recorder));
      this.countOpen(instance);
    } catch (err) {
      connection.destroy();
      this.fail(err);
    }
  }

  private async openReader(reader: ThinReader, instance: number): Promise<void> {
    try {
      await reader.open(OPEN_TIMEOUT_MS);
      this.readers.push(reader);
      this.countOpen(instance);
    } catch (err) {
      reader.terminate();
      this.fail(err);
    }
  }

  private countOpen(instance: number): void {
    this.openByInstance[instance] = (this.openByInstance[instance] ?? 0) + 1;
  }

  private fail(err: unknown): void {
    this.failed++;
    this.firstFailure ??= (err as Error).message;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
