import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from './benchOptions.js';
import type { ChildServer } from './ChildServer.js';
import { ClientFleet, OTHER_INSTANCE_LANE, SAME_INSTANCE_LANE } from './ClientFleet.js';
import { instanceLabel } from './cpuPinning.js';
import { InstanceSampler } from './InstanceSampler.js';
import { LatencyRecorder } from './LatencyRecorder.js';
import type { PathResult, ServerResult } from './serverResult.js';
import { SharedCpuSampler } from './SharedCpuSampler.js';
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
    const multi = this.target.instanceCount > 1;
    const recorder = new LatencyRecorder(
      o.rooms,
      Math.ceil(o.rate * (o.warmupS + o.durationS + SEQ_SLACK_S)),
      multi ? 2 : 0,
    );
    const fleet = new ClientFleet(this.target, recorder, o.rooms, o.clients);
    const result = this.emptyResult(fleet.intended);
    let servers: ChildServer[] = [];
    let sampler: InstanceSampler | null = null;
    try {
      this.log(multi ? `starting ${this.target.instanceCount} instances` : 'starting server');
      servers = await this.target.start();
      sampler = new InstanceSampler(servers, this.target.cores);
      await sleep(SETTLE_MS);
      sampler.readIdle();
      this.log(`idle RSS ${fmtKb(sampler.idleRssKB)}; opening ${fleet.intended} connections`);
      for (const s of servers) s.watchOutput();
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
      const spread = multi ? ` (${fleet.openByInstance.join(' + ')})` : '';
      this.log(
        `connected ${fleet.open}/${fleet.intended}${spread} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      this.assertAlive(servers);

      fleet.startWriters(o.rate);
      this.log(`warm-up ${o.warmupS} s`);
      await sleep(o.warmupS * 1000);
      this.assertAlive(servers);
      await this.measure(servers, sampler, fleet, recorder, result);

      fleet.stopWriters();
      await sleep(o.stragglerMs);
      this.fillDeliveries(result, fleet, recorder);
    } catch (err) {
      const message = (err as Error).message;
      result.error = message.split('\n')[0] ?? 'error';
      // A server that never started has no ChildServer to take the output from: keep the message's.
      if (servers.length === 0) result.serverOutputTail = message.split('\n').slice(1).join('\n');
      this.log(`error: ${message}`);
      this.fillDeliveries(result, fleet, recorder);
    } finally {
      result.note = this.target.note;
      // What the servers print from here on (rooms emptying, shutdown) is counted apart.
      const runOutput = servers.map((s) => s.watchedOutput);
      for (const s of servers) s.watchOutput();
      await fleet.close();
      await this.stopServers(servers, sampler, fleet, result, runOutput);
    }
    return result;
  }

  /** The measured window: latency recording on, CPU and RSS read from /proc. */
  private async measure(
    servers: ChildServer[],
    sampler: InstanceSampler,
    fleet: ClientFleet,
    recorder: LatencyRecorder,
    result: ServerResult,
  ): Promise<void> {
    const o = this.options;
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    const shared = new SharedCpuSampler(o.redisUrl);
    sampler.startWindow();
    shared.start();
    const harness0 = process.cpuUsage();
    const t0 = performance.now();
    recorder.startMeasuring(t0, o.durationS);
    loopDelay.enable();
    this.log(`measuring ${o.durationS} s`);
    const endAt = t0 + o.durationS * 1000;
    let nextProgress = t0 + PROGRESS_EVERY_MS;
    while (performance.now() < endAt) {
      await sleep(Math.min(1000, endAt - performance.now()));
      sampler.sample();
      if (performance.now() >= nextProgress && performance.now() < endAt) {
        nextProgress += PROGRESS_EVERY_MS;
        const expected = recorder.measuredSends * (o.clients - 1);
        this.log(
          `  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${recorder.delivered}/${expected} delivered so far`,
        );
      }
      this.assertAlive(servers);
    }
    // Read CPU before the writers stop: the load is still running.
    const elapsedS = (performance.now() - t0) / 1000;
    sampler.stopWindow(elapsedS);
    result.sharedCpu = shared.stop(elapsedS);
    const harness = process.cpuUsage(harness0);
    recorder.stopMeasuring();
    loopDelay.disable();

    sampler.fillTotals(result, fleet.open);
    result.harnessCpuPct = ((harness.user + harness.system) / 1e6 / elapsedS) * 100;
    const sc = result.sharedCpu;
    if (sc !== null) {
      const known =
        (result.serverCpuPct ?? 0) + result.harnessCpuPct + sc.postgresPct + sc.redisPct;
      sc.otherPct = Math.max(0, sc.machineBusyPct - known);
    }
    result.harnessLoopDelayP99Ms = Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS);
    result.harnessLoopDelayMaxMs = Math.max(0, loopDelay.max / 1e6 - LOOP_RESOLUTION_MS);
    result.measuredUpdates = recorder.measuredSends;
    result.achievedRatePerRoom =
      recorder.measuredSends / Math.max(1, fleet.writers.length) / elapsedS;
  }

  /** Notes how each instance ended, stops them all, then whatever the target keeps beside them. */
  private async stopServers(
    servers: ChildServer[],
    sampler: InstanceSampler | null,
    fleet: ClientFleet,
    result: ServerResult,
    runOutput: Array<{ lines: number; first: string[] }>,
  ): Promise<void> {
    const exits = servers.map((s) => s.exitDescription);
    await Promise.all(servers.map((s) => s.stop()));
    try {
      await this.target.stop();
    } catch (err) {
      this.log(`could not clean up: ${(err as Error).message}`);
    }
    if (sampler !== null) {
      result.instances = sampler.results(fleet.openByInstance, exits, runOutput);
    }
    const died = exits.findIndex((e) => e !== null);
    if (died >= 0) {
      const exit = exits[died] ?? '';
      result.serverExit = servers.length > 1 ? `instance ${instanceLabel(died)}: ${exit}` : exit;
    }
    if (servers.length > 0) {
      result.serverOutputTail =
        servers.length === 1
          ? (servers[0]?.outputTail ?? '')
          : servers.map((s, i) => `[instance ${instanceLabel(i)}]\n${s.outputTail}`).join('\n');
    }
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
    result.paths = this.paths(fleet, recorder);
    result.writerDisconnects = fleet.writerDisconnects();
    result.readerCloses = fleet.readerCloses();
  }

  private paths(fleet: ClientFleet, recorder: LatencyRecorder): PathResult[] {
    const [same, other] = fleet.readersPerRoomByLane;
    const lanes = [
      { path: 'same instance', lane: SAME_INSTANCE_LANE, readersPerRoom: same },
      { path: 'other instance', lane: OTHER_INSTANCE_LANE, readersPerRoom: other },
    ] as const;
    return lanes.flatMap(({ path, lane, readersPerRoom }) => {
      const s = recorder.laneSummary(lane);
      return s === null ? [] : [{ path, readersPerRoom, ...s }];
    });
  }

  private assertAlive(servers: ChildServer[]): void {
    const i = servers.findIndex((s) => s.hasExited);
    if (i < 0) return;
    const which = servers.length > 1 ? `instance ${instanceLabel(i)} of the server` : 'server';
    throw new Error(`${which} died during the run (${servers[i]?.exitDescription})`);
  }

  private emptyResult(intended: number): ServerResult {
    return {
      server: this.target.name,
      instanceCount: this.target.instanceCount,
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
      instances: [],
      paths: [],
      sharedCpu: null,
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
