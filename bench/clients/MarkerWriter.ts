import { performance } from 'node:perf_hooks';
import type { LatencyRecorder } from '../LatencyRecorder.js';
import type { WriterConnection } from './writerConnections.js';

/**
 * The one writer of a room: appends `~<room>:<seq>~` to its Y.Text at a fixed rate and tells the
 * recorder the send time just before each insert. Stops by itself at the recorder's maxSeq.
 */
export class MarkerWriter {
  private seq = 0;
  private startTimer: NodeJS.Timeout | null = null;
  private interval: NodeJS.Timeout | null = null;

  constructor(
    readonly room: number,
    readonly connection: WriterConnection,
    private readonly recorder: LatencyRecorder,
  ) {}

  get sent(): number {
    return this.seq;
  }

  /** Starts after `offsetMs` so that the rooms' writers are spread over one period. */
  start(periodMs: number, offsetMs: number): void {
    this.startTimer = setTimeout(() => {
      this.startTimer = null;
      this.tick();
      this.interval = setInterval(() => this.tick(), periodMs);
    }, offsetMs);
  }

  stop(): void {
    if (this.startTimer !== null) clearTimeout(this.startTimer);
    if (this.interval !== null) clearInterval(this.interval);
    this.startTimer = null;
    this.interval = null;
  }

  private tick(): void {
    if (this.seq >= this.recorder.maxSeq) {
      this.stop();
      return;
    }
    const marker = `~${this.room}:${this.seq}~`;
    const text = this.connection.text;
    this.recorder.recordSend(this.room, this.seq, performance.now());
    text.insert(text.length, marker);
    this.seq++;
  }
}
