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

/** Fan-out latencies in fixed buckets: adding one allocates nothing. */
export class LatencyHistogram {
  count = 0;
  private readonly buckets = new Uint32Array(BUCKETS);
  private maxMs = 0;
  private sumMs = 0;

  add(ms: number): void {
    this.count++;
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
    const b = Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.buckets[b] = (this.buckets[b] as number) + 1;
  }

  summary(): LatencySummary | null {
    if (this.count === 0) return null;
    return {
      p50: this.percentile(0.5),
      p90: this.percentile(0.9),
      p99: this.percentile(0.99),
      max: this.maxMs,
      mean: this.sumMs / this.count,
    };
  }

  /** Upper edge of the bucket holding the q-quantile, capped by the exact maximum. */
  private percentile(q: number): number {
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.buckets[b] as number;
      if (seen >= rank) return Math.min((b + 1) * BUCKET_MS, this.maxMs);
    }
    return this.maxMs;
  }
}
