import { LatencyHistogram, type LatencySummary } from './LatencyHistogram.js';

/** One second of the measured window, by send time. */
export interface TimelineSecond {
  second: number;
  sent: number;
  delivered: number;
  meanMs: number;
  maxMs: number;
}

/**
 * Send times of every marker and the fan-out latency of every measured delivery. Everything is
 * preallocated typed arrays indexed by room × seq, so recording a delivery allocates nothing.
 */
export class LatencyRecorder {
  measuredSends = 0;
  /** Deliveries of markers sent outside the measured window (warm-up), not counted. */
  unmeasuredDeliveries = 0;
  private readonly sendTimes: Float64Array;
  private readonly measured: Uint8Array;
  private readonly all = new LatencyHistogram();
  /** One histogram per path (lane) a delivery took, when there are several; empty otherwise. */
  private readonly lanes: LatencyHistogram[];
  /** Whether sends made now belong to the measured window, which began at measureStart. */
  private measuring = false;
  private measureStart = 0;
  private secSent = new Uint32Array(0);
  private secDelivered = new Uint32Array(0);
  private secSumMs = new Float64Array(0);
  private secMaxMs = new Float64Array(0);

  constructor(
    readonly rooms: number,
    /** Highest seq + 1 a writer may send; writers stop there. */
    readonly maxSeq: number,
    /** Paths told apart (multi-instance: reader on the writer's instance or not); 0 for none. */
    laneCount = 0,
  ) {
    this.sendTimes = new Float64Array(rooms * maxSeq);
    this.measured = new Uint8Array(rooms * maxSeq);
    this.lanes = Array.from({ length: laneCount }, () => new LatencyHistogram());
  }

  /** Measured deliveries so far. */
  get delivered(): number {
    return this.all.count;
  }

  /** Sends from now on are measured; the timeline gets one slot per second. */
  startMeasuring(now: number, durationS: number): void {
    const seconds = Math.ceil(durationS) + 1;
    this.secSent = new Uint32Array(seconds);
    this.secDelivered = new Uint32Array(seconds);
    this.secSumMs = new Float64Array(seconds);
    this.secMaxMs = new Float64Array(seconds);
    this.measureStart = now;
    this.measuring = true;
  }

  stopMeasuring(): void {
    this.measuring = false;
  }

  /** Called by a writer right before it inserts marker `room:seq`. */
  recordSend(room: number, seq: number, now: number): void {
    const i = room * this.maxSeq + seq;
    this.sendTimes[i] = now;
    if (this.measuring) {
      this.measured[i] = 1;
      this.measuredSends++;
      this.bump(this.secSent, now);
    }
  }

  /** Called once per reader and marker (readers drop their own duplicates). */
  recordDelivery(room: number, seq: number, now: number, lane: number): void {
    const i = room * this.maxSeq + seq;
    if (this.measured[i] !== 1) {
      this.unmeasuredDeliveries++;
      return;
    }
    const sentAt = this.sendTimes[i] as number;
    const ms = now - sentAt;
    const sec = this.secondOf(sentAt);
    this.secDelivered[sec] = (this.secDelivered[sec] as number) + 1;
    this.secSumMs[sec] = (this.secSumMs[sec] as number) + ms;
    if (ms > (this.secMaxMs[sec] as number)) this.secMaxMs[sec] = ms;
    this.all.add(ms);
    this.lanes[lane]?.add(ms);
  }

  /** Whether `room:seq` names a marker that was actually sent (guards against stray `~` bytes). */
  isKnown(room: number, seq: number): boolean {
    return (
      room < this.rooms &&
      seq < this.maxSeq &&
      (this.sendTimes[room * this.maxSeq + seq] as number) > 0
    );
  }

  /** Per-second sends, deliveries and latency of the measured window: shows stalls. */
  timeline(): TimelineSecond[] {
    return Array.from(this.secSent, (sent, second) => {
      const delivered = this.secDelivered[second] as number;
      const meanMs = delivered > 0 ? (this.secSumMs[second] as number) / delivered : 0;
      return {
        second,
        sent,
        delivered,
        meanMs: round1(meanMs),
        maxMs: round1(this.secMaxMs[second] as number),
      };
    }).filter((s) => s.sent > 0);
  }

  summary(): LatencySummary | null {
    return this.all.summary();
  }

  /** Deliveries and latency of one lane; null when lanes are not told apart. */
  laneSummary(lane: number): { delivered: number; latencyMs: LatencySummary | null } | null {
    const h = this.lanes[lane];
    return h === undefined ? null : { delivered: h.count, latencyMs: h.summary() };
  }

  private secondOf(t: number): number {
    return Math.min(
      this.secSent.length - 1,
      Math.max(0, Math.floor((t - this.measureStart) / 1000)),
    );
  }

  private bump(counts: Uint32Array, t: number): void {
    const sec = this.secondOf(t);
    counts[sec] = (counts[sec] as number) + 1;
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
