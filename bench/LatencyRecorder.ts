/** Histogram resolution: 10 µs buckets up to 20 s; slower deliveries land in the last bucket. */
const BUCKET_MS = 0.01;
const BUCKETS = 2_000_000;

/** One second of the measured window, by send time. */
export interface TimelineSecond {
  second: number;
  sent: number;
  delivered: number;
  meanMs: number;
  maxMs: number;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * Send times of every marker and the fan-out latency of every measured delivery. Everything is
 * preallocated typed arrays indexed by room × seq, so recording a delivery allocates nothing.
 */
export class LatencyRecorder {
  measuredSends = 0;
  delivered = 0;
  /** Deliveries of markers sent outside the measured window (warm-up), not counted. */
  unmeasuredDeliveries = 0;
  private readonly sendTimes: Float64Array;
  private readonly measured: Uint8Array;
  private readonly histogram = new Uint32Array(BUCKETS);
  private maxMs = 0;
  private sumMs = 0;
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
  ) {
    this.sendTimes = new Float64Array(rooms * maxSeq);
    this.measured = new Uint8Array(rooms * maxSeq);
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
  recordDelivery(room: number, seq: number, now: number): void {
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
    this.delivered++;
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
    const b = Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.histogram[b] = (this.histogram[b] as number) + 1;
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
    if (this.delivered === 0) return null;
    return {
      p50: this.percentile(0.5),
      p90: this.percentile(0.9),
      p99: this.percentile(0.99),
      max: this.maxMs,
      mean: this.sumMs / this.delivered,
    };
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

  /** Upper edge of the bucket holding the q-quantile, capped by the exact maximum. */
  private percentile(q: number): number {
    const rank = Math.ceil(q * this.delivered);
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.histogram[b] as number;
      if (seen >= rank) return Math.min((b + 1) * BUCKET_MS, this.maxMs);
    }
    return this.maxMs;
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
