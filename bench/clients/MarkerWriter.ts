import { performance } from 'node:perf_hooks';
import type { LatencyRecorder } from '../LatencyRecorder.js';
import type { WriterConnection } from './writerConnections.js';

const MAX_CATCH_UP_MS = 1000;

/**
 * The one writer of a room: appends `~<room>:<seq>~` to its Y.Text at a fixed rate and tells the
 * recorder the send time just before each insert. Stops by itself at the recorder's maxSeq.
 */
export class MarkerWriter {
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private periodMs = 0;
  private nextAt = 0;

  constructor(
    readonly room: number,
    readonly connection: WriterConnection,
    private readonly recorder: LatencyRecorder,
  ) {}

  get sent(): number {
    return this.seq;
  }

  /**
   * Starts after `offsetMs` so that the rooms' writers are spread over one period. Sends are
   * scheduled against absolute deadlines, so a busy event loop does not lower the rate.
   */
  start(periodMs: number, offsetMs: number): void {
    this.periodMs = periodMs;
    this.nextAt = performance.now() + offsetMs;
    this.schedule();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.timer = setTimeout(this.onTimer, Math.max(0, this.nextAt - performance.now()));
  }

  private readonly onTimer = (): void => {
    this.timer = null;
    if (!this.tick()) return;
    this.nextAt += this.periodMs;
    // After a stall, catch up at most MAX_CATCH_UP_MS of missed sends rather than a long burst.
    const now = performance.now();
    if (now - this.nextAt > MAX_CATCH_UP_MS) this.nextAt = now;
    this.schedule();
  };

  /** Sends one marker; false once the recorder has no room for more. */
  private tick(): boolean {
    if (this.seq >= this.recorder.maxSeq) return false;
    const marker = `~${this.room}:${this.seq}~`;
    const text = this.connection.text;
    this.recorder.recordSend(this.room, this.seq, performance.now());
    text.insert(text.length, marker);
    this.seq++;
    return true;
  }
}
