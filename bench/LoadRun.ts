import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from './benchOptions.js';
import type { ChildServer } from './ChildServer.js';
import { ClientFleet } from './ClientFleet.js';
import { LatencyRecorder } from './LatencyRecorder.js';
import { CLOCK_TICKS_PER_S, readCpuTicks, readRssKb } from './procStats.js';
import type { ServerResult } from './serverResult.js';
import type { BenchTarget } from './targets/BenchTarget.js';

/** Idle time after start (and set-up) before the baseline RSS is read. */
const SETTLE_MS = 1000;
const PROGRESS_EVERY_MS = 5000;
/** Seconds of sends beyond warm-up + duration that the send-time arrays still have room for. */
const SEQ_SLACK_S = 10;
/** The loop-delay histogram records whole timer intervals: subtract the interval to get lag. */
const LOOP_RESOLUTION_MS = 1;

/** One server's whole run: start, connect, warm up, measure, drain, close, stop. */
export class LoadRun {
  constructor(
    private readonly target: BenchTarget,
    private readonly options: BenchOptions,
    private readonly log: (line: string) => void,
  ) {}

  async run(): Promise<ServerResult> {
    const o = this.options;
    const recorder = new LatencyRecorder(
      o.rooms,
      Math.ceil(o.rate * (o.warmupS + o.durationS + SEQ_SLACK_S)),
    );
    const fleet = new ClientFleet(this.target, recorder, o.rooms, o.clients);
    const result = this.emptyResult(fleet.intended);
    let server: ChildServer | null = null;
    try {
      this.log('starting server');
      server = await this.target.start();
      await sleep(SETTLE_MS);
      result.memory.idleRssKB = readRssKb(server.pid);
      this.log(`idle RSS ${fmtKb(result.memory.idleRssKB)}; opening ${fleet.intended} connections`);
      const t0 = performance.now();
      await fleet.connect(o.connectBatch, (done) => {
        if (done % 500 < o.connectBatch || done === fleet.intended)
          this.log(`  ${done}/${fleet.intended} handshakes`);
      });
      result.connections = {
        intended: fleet.intended,
        open: fleet.open,
        failed: fleet.failed,
        firstFailure: fleet.firstFailure,
      };
      this.log(
        `connected ${fleet.open}/${fleet.intended} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      this.assertAlive(server);

      fleet.startWriters(o.rate);
      this.log(`warm-up ${o.warmupS} s`);
      await sleep(o.warmupS * 1000);
      this.assertAlive(server);
      await this.measure(server, fleet, recorder, result);

      fleet.stopWriters();
      await sleep(o.stragglerMs);
      this.fillDeliveries(result, fleet, recorder);
    } catch (err) {
      const message = (err as Error).message;
      result.error = message.split('\n')[0] ?? 'error';
      // A server that never started has no ChildServer to take the output from: keep the message's.
      if (server === null) result.serverOutputTail = message.split('\n').slice(1).join('\n');
      this.log(`error: ${message}`);
      this.fillDeliveries(result, fleet, recorder);
    } finally {
      result.note = this.target.note;
      await fleet.close();
      if (server !== null) {
        result.serverExit = server.exitDescription;
        await server.stop();
        result.serverOutputTail = server.outputTail;
      }
    }
    return result;
  }

  /** The measured window: latency recording on, CPU and RSS read from /proc. */
  private async measure(
    server: ChildServer,
    fleet: ClientFleet,
    recorder: LatencyRecorder,
    result: ServerResult,
  ): Promise<void> {
    const o = this.options;
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    const cpu0 = readCpuTicks(server.pid);
    const harness0 = process.cpuUsage();
    const t0 = performance.now();
    // RSS moves with the server's GC cycles: one sample per second, the median is reported.
    const rssSamples: number[] = [];
    recorder.startMeasuring(t0, o.durationS);
    loopDelay.enable();
    this.log(`measuring ${o.durationS} s`);
    const endAt = t0 + o.durationS * 1000;
    let nextProgress = t0 + PROGRESS_EVERY_MS;
    while (performance.now() < endAt) {
      await sleep(Math.min(1000, endAt - performance.now()));
      const rss = readRssKb(server.pid);
      if (rss !== null) rssSamples.push(rss);
      if (performance.now() >= nextProgress && performance.now() < endAt) {
        nextProgress += PROGRESS_EVERY_MS;
        const expected = recorder.measuredSends * (o.clients - 1);
        this.log(
          `  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${recorder.delivered}/${expected} delivered so far`,
        );
      }
      this.assertAlive(server);
    }
    // Read CPU before the writers stop: the load is still running.
    const cpu1 = readCpuTicks(server.pid);
    const harness = process.cpuUsage(harness0);
    const elapsedS = (performance.now() - t0) / 1000;
    recorder.stopMeasuring();
    loopDelay.disable();

    const connections = fleet.open;
    const idle = result.memory.idleRssKB;
    const loaded = median(rssSamples);
    result.memory.loadedRssKB = loaded;
    result.memory.peakRssKB = rssSamples.length > 0 ? Math.max(...rssSamples) : null;
    result.memory.perConnectionKB =
      loaded !== null && idle !== null && connections > 0 ? (loaded - idle) / connections : null;
    result.serverCpuPct =
      cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) / CLOCK_TICKS_PER_S / elapsedS) * 100 : null;
    result.harnessCpuPct = ((harness.user + harness.system) / 1e6 / elapsedS) * 100;
    result.harnessLoopDelayP99Ms = Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS);
    result.harnessLoopDelayMaxMs = Math.max(0, loopDelay.max / 1e6 - LOOP_RESOLUTION_MS);
    result.measuredUpdates = recorder.measuredSends;
    result.achievedRatePerRoom =
      recorder.measuredSends / Math.max(1, fleet.writers.length) / elapsedS;
  }

  private fillDeliveries(
    result: ServerResult,
    fleet: ClientFleet,
    recorder: LatencyRecorder,
  ): void {
    result.latencyMs = recorder.summary();
    result.timeline = recorder.timeline();
    result.deliveries = {
      received: recorder.delivered,
      expected: recorder.measuredSends * (this.options.clients - 1),
      duplicates: fleet.readers.reduce((s, r) => s + r.duplicates, 0),
      strays: fleet.readers.reduce((s, r) => s + r.strays, 0),
    };
    result.writerDisconnects = fleet.writerDisconnects();
    result.readerCloses = fleet.readerCloses();
  }

  private assertAlive(server: ChildServer): void {
    if (server.hasExited) throw new Error(`server died during the run (${server.exitDescription})`);
  }

  private emptyResult(intended: number): ServerResult {
    return {
      server: this.target.name,
      note: this.target.note,
      error: null,
      connections: { intended, open: 0, failed: 0, firstFailure: null },
      latencyMs: null,
      timeline: [],
      deliveries: { received: 0, expected: 0, duplicates: 0, strays: 0 },
      measuredUpdates: 0,
      achievedRatePerRoom: 0,
      memory: { idleRssKB: null, loadedRssKB: null, peakRssKB: null, perConnectionKB: null },
      serverCpuPct: null,
      harnessCpuPct: 0,
      harnessLoopDelayP99Ms: 0,
      harnessLoopDelayMaxMs: 0,
      writerDisconnects: 0,
      readerCloses: {},
      serverExit: null,
      serverOutputTail: '',
    };
  }
}

function fmtKb(kb: number | null): string {
  return kb === null ? '?' : `${(kb / 1024).toFixed(1)} MB`;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}
