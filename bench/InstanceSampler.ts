import type { ChildServer } from './ChildServer.js';
import { instanceLabel } from './cpuPinning.js';
import { CLOCK_TICKS_PER_S, readCpuTicks, readRssKb } from './procStats.js';
import type { InstanceResult, ServerResult } from './serverResult.js';

/**
 * RSS and CPU of each instance of one server, read from /proc: idle RSS after start, then one
 * RSS sample per second of the measured window (the median is reported, since RSS moves with
 * the server's GC cycles) and utime + stime across the window.
 */
export class InstanceSampler {
  private readonly idle: Array<number | null>;
  private readonly samples: number[][];
  private readonly cpuPct: Array<number | null>;
  private cpu0: Array<number | null> = [];

  constructor(
    private readonly servers: ChildServer[],
    private readonly cores: Array<number | null>,
  ) {
    this.idle = servers.map(() => null);
    this.samples = servers.map(() => []);
    this.cpuPct = servers.map(() => null);
  }

  readIdle(): void {
    this.servers.forEach((s, i) => (this.idle[i] = readRssKb(s.pid)));
  }

  /** Sum of the idle RSS, or null if any instance could not be read. */
  get idleRssKB(): number | null {
    return sumOrNull(this.idle);
  }

  startWindow(): void {
    this.cpu0 = this.servers.map((s) => readCpuTicks(s.pid));
  }

  sample(): void {
    this.servers.forEach((s, i) => {
      const rss = readRssKb(s.pid);
      if (rss !== null) this.samples[i]?.push(rss);
    });
  }

  /** Call before the writers stop: the load is still running. */
  stopWindow(elapsedS: number): void {
    this.servers.forEach((s, i) => {
      const before = this.cpu0[i] ?? null;
      const after = readCpuTicks(s.pid);
      this.cpuPct[i] =
        before !== null && after !== null
          ? ((after - before) / CLOCK_TICKS_PER_S / elapsedS) * 100
          : null;
    });
  }

  /** Puts the sums over the instances into `result` (memory per connection over all of them). */
  fillTotals(result: ServerResult, connections: number): void {
    const loaded = sumOrNull(this.samples.map(median));
    const idle = this.idleRssKB;
    result.memory.idleRssKB = idle;
    result.memory.loadedRssKB = loaded;
    // A sum of per-instance peaks: an upper bound of the peak of the sum.
    result.memory.peakRssKB = sumOrNull(
      this.samples.map((s) => (s.length > 0 ? Math.max(...s) : null)),
    );
    result.memory.perConnectionKB =
      loaded !== null && idle !== null && connections > 0 ? (loaded - idle) / connections : null;
    result.serverCpuPct = sumOrNull(this.cpuPct);
  }

  /**
   * Per-instance figures. `exits` are the processes' ends as seen before the harness stopped
   * them; `runOutput` what each printed while the clients were connected (the rest of what it
   * printed since is read now, as printed while stopping).
   */
  results(
    openByInstance: number[],
    exits: Array<string | null>,
    runOutput: Array<{ lines: number; first: string[] }>,
  ): InstanceResult[] {
    return this.servers.map((s, i) => {
      const samples = this.samples[i] ?? [];
      const watched = runOutput[i] ?? { lines: 0, first: [] };
      const stopping = s.watchedOutput;
      return {
        label: instanceLabel(i),
        core: this.cores[i] ?? null,
        connections: openByInstance[i] ?? 0,
        idleRssKB: this.idle[i] ?? null,
        loadedRssKB: median(samples),
        peakRssKB: samples.length > 0 ? Math.max(...samples) : null,
        cpuPct: this.cpuPct[i] ?? null,
        exit: exits[i] ?? null,
        linesDuringRun: watched.lines,
        firstLinesDuringRun: watched.first,
        linesWhileStopping: stopping.lines,
        firstLinesWhileStopping: stopping.first,
        outputTail: s.outputTail,
      };
    });
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

function sumOrNull(values: Array<number | null>): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return values.reduce<number>((s, v) => s + (v ?? 0), 0);
}
