import type { ServerName } from './benchOptions.js';
import type { LatencySummary } from './LatencyHistogram.js';
import type { TimelineSecond } from './LatencyRecorder.js';

/** Memory and CPU of one instance (process) of a server over the measured window. */
export interface InstanceResult {
  /** A, B, …: instance 0 is A. */
  label: string;
  core: number | null;
  connections: number;
  idleRssKB: number | null;
  loadedRssKB: number | null;
  peakRssKB: number | null;
  /** Share of one core. */
  cpuPct: number | null;
  /** How the process ended if it died during the run. */
  exit: string | null;
  /** Lines it printed while the clients were connected, and the first few (see ChildServer). */
  linesDuringRun: number;
  firstLinesDuringRun: string[];
  /** Lines it printed after the clients left, while it was being stopped. */
  linesWhileStopping: number;
  firstLinesWhileStopping: string[];
  outputTail: string;
}

/** Deliveries to readers on the writer's instance, or on another one (multi-instance only). */
export interface PathResult {
  path: 'same instance' | 'other instance';
  readersPerRoom: number;
  delivered: number;
  latencyMs: LatencySummary | null;
}

/**
 * CPU of what shares the machine with the servers, over the same window, as shares of one core:
 * on 2 cores it tells whether the machine itself was saturated. PostgreSQL and Redis are every
 * process of that name, whoever they serve.
 */
export interface SharedCpu {
  machineBusyPct: number;
  machineCores: number;
  postgresPct: number;
  redisPct: number;
  /**
   * Busy minus the server, the harness, PostgreSQL and Redis: other people's work on a shared
   * machine (a test run, a compiler) and kernel time no process is charged for (softirq).
   */
  otherPct: number;
}

/** Everything measured for one server; written to the results JSON as is. */
export interface ServerResult {
  server: ServerName;
  /** Instances it ran as: the run's --instances, or 1 for a server that cannot run several. */
  instanceCount: number;
  note: string;
  /** Set when the run could not complete (server failed to start, crashed, ...). */
  error: string | null;
  connections: { intended: number; open: number; failed: number; firstFailure: string | null };
  latencyMs: LatencySummary | null;
  /** Per second of the measured window (by send time). */
  timeline: TimelineSecond[];
  deliveries: {
    received: number;
    expected: number;
    /** A reader saw the same marker twice. */
    duplicates: number;
    /** Marker-like bytes that named no sent update of the reader's room. */
    strays: number;
  };
  /** Updates the writers sent during the measured window, and their rate per room. */
  measuredUpdates: number;
  achievedRatePerRoom: number;
  /** Sums over the instances; per connection is (Σ loaded − Σ idle) / all connections. */
  memory: {
    idleRssKB: number | null;
    loadedRssKB: number | null;
    peakRssKB: number | null;
    perConnectionKB: number | null;
  };
  /** Share of one core over the measured window, summed over the instances. */
  serverCpuPct: number | null;
  /** One entry per instance (one for a single-instance run). */
  instances: InstanceResult[];
  /** Latency by path; empty unless the server ran as several instances. */
  paths: PathResult[];
  sharedCpu: SharedCpu | null;
  harnessCpuPct: number;
  /** p99 event-loop delay of the harness during the window: high means the harness lagged. */
  harnessLoopDelayP99Ms: number;
  /** The harness's longest event-loop stall: a latency spike no larger than this may be its own. */
  harnessLoopDelayMaxMs: number;
  writerDisconnects: number;
  /** Close codes of readers the server closed, with counts. */
  readerCloses: Record<string, number>;
  /** How a server process ended if one died during the run. */
  serverExit: string | null;
  /** The instances' output tails (each under a header when there are several). */
  serverOutputTail: string;
}
