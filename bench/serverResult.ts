import type { ServerName } from './benchOptions.js';
import type { LatencySummary, TimelineSecond } from './LatencyRecorder.js';

/** Everything measured for one server; written to the results JSON as is. */
export interface ServerResult {
  server: ServerName;
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
  memory: {
    idleRssKB: number | null;
    loadedRssKB: number | null;
    peakRssKB: number | null;
    perConnectionKB: number | null;
  };
  /** Share of one core over the measured window. */
  serverCpuPct: number | null;
  harnessCpuPct: number;
  /** p99 event-loop delay of the harness during the window: high means the harness lagged. */
  harnessLoopDelayP99Ms: number;
  /** The harness's longest event-loop stall: a latency spike no larger than this may be its own. */
  harnessLoopDelayMaxMs: number;
  writerDisconnects: number;
  /** Close codes of readers the server closed, with counts. */
  readerCloses: Record<string, number>;
  /** How the server process ended if it died during the run. */
  serverExit: string | null;
  serverOutputTail: string;
}
