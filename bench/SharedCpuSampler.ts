import os from 'node:os';
import {
  CLOCK_TICKS_PER_S,
  readMachineTicks,
  readTicksOfProcesses,
  type readCpuTicks,
} from './procStats.js';
import type { SharedCpu } from './serverResult.js';

type Ticks = NonNullable<ReturnType<typeof readCpuTicks>>;

/**
 * CPU of the machine, PostgreSQL and Redis over the measured window. A process that starts
 * during the window (a PostgreSQL backend for a new connection) counts with all its ticks, one
 * that ends during it is lost: close enough for "was the machine saturated?".
 */
export class SharedCpuSampler {
  private machine0: { busy: number; total: number } | null = null;
  private postgres0 = new Map<number, Ticks>();
  private redis0 = new Map<number, Ticks>();
  private readonly redisPort: string;

  constructor(redisUrl: string) {
    this.redisPort = new URL(redisUrl).port || '6379';
  }

  start(): void {
    this.machine0 = readMachineTicks();
    this.postgres0 = readTicksOfProcesses('postgres');
    this.redis0 = this.readRedis();
  }

  /** `otherPct` is left 0: LoadRun fills it in once the servers' and the harness's CPU are known. */
  stop(elapsedS: number): SharedCpu | null {
    const machine1 = readMachineTicks();
    if (this.machine0 === null || machine1 === null || elapsedS <= 0) return null;
    const pct = (ticks: number): number => (ticks / CLOCK_TICKS_PER_S / elapsedS) * 100;
    return {
      machineBusyPct: pct(machine1.busy - this.machine0.busy),
      machineCores: os.cpus().length,
      postgresPct: pct(delta(this.postgres0, readTicksOfProcesses('postgres'))),
      redisPct: pct(delta(this.redis0, this.readRedis())),
      otherPct: 0,
    };
  }

  /** Only the Redis the run uses: tests start throwaway redis-servers of their own. */
  private readRedis(): Map<number, Ticks> {
    return readTicksOfProcesses('redis-server', `:${this.redisPort}`);
  }
}

function delta(before: Map<number, Ticks>, after: Map<number, Ticks>): number {
  let sum = 0;
  for (const [pid, t] of after) sum += t - (before.get(pid) ?? 0);
  return sum;
}
