/** Histogram resolution: 10 µs buckets up to 20 s; slower deliveries land in the last bucket. */
const BUCKET_MS = 0.01;
const BUCKETS = 2_000_000;

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
  /** Whether sends made now belong to the measured window. */
  measuring = false;
  measuredSends = 0;
  delivered = 0;
  /** Deliveries of markers sent outside the measured window (warm-up), not counted. */
  unmeasuredDeliveries = 0;
  private readonly sendTimes: Float64Array;
  private readonly measured: Uint8Array;
  private readonly histogram = new Uint32Array(BUCKETS);
  private maxMs = 0;
  private sumMs = 0;

  constructor(
    readonly rooms: number,
    /** Highest seq + 1 a writer may send; writers stop there. */
    readonly maxSeq: number,
  ) {
    this.sendTimes = new Float64Array(rooms * maxSeq);
    this.measured = new Uint8Array(rooms * maxSeq);
  }

  /** Called by a writer right before it inserts marker `room:seq`. */
  recordSend(room: number, seq: number, now: number): void {
    const i = room * this.maxSeq + seq;
    this.sendTimes[i] = now;
    if (this.measuring) {
      this.measured[i] = 1;
      this.measuredSends++;
    }
  }

  /** Called once per reader and marker (readers drop their own duplicates). */
  recordDelivery(room: number, seq: number, now: number): void {
    const i = room * this.maxSeq + seq;
    if (this.measured[i] !== 1) {
      this.unmeasuredDeliveries++;
      return;
    }
    const ms = now - (this.sendTimes[i] as number);
    this.delivered++;
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
    const b = Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.histogram[b] = (this.histogram[b] as number) + 1;
  }

  /** Whether `room:seq` names a marker that was actually sent (guards against stray `~` bytes). */
  isKnown(room: number, seq: number): boolean {
    return room < this.rooms && seq < this.maxSeq && (this.sendTimes[room * this.maxSeq + seq] as number) > 0;
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
