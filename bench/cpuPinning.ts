import { spawnSync } from 'node:child_process';

/** Where each process of a run goes; null means unpinned. Decided once per run by run.ts. */
export interface CpuPlacement {
  /** Core of each server instance, in instance order (instance A first). */
  serverCores: Array<number | null>;
  harnessCore: number | null;
  /** For the printed header and the results JSON. */
  description: string;
}

/** Whether `taskset` (util-linux) can be run. */
export function hasTaskset(): boolean {
  return spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * One instance: the server on core 0, the harness on core 1 (as always). Several: one core per
 * instance, and the harness gets the next core only if the machine has one left; on a 2-core
 * machine it runs unpinned, because pinning it onto an instance's core would make that instance
 * pay for the harness while the other does not.
 */
export function planCpuPlacement(instances: number, cores: number, taskset: boolean): CpuPlacement {
  if (!taskset) {
    return {
      serverCores: Array.from({ length: instances }, () => null),
      harnessCore: null,
      description: 'none (no taskset)',
    };
  }
  if (instances === 1) {
    return {
      serverCores: [0],
      harnessCore: 1,
      description: 'servers on core 0, harness on core 1',
    };
  }
  const serverCores = Array.from({ length: instances }, (_, i) => i % cores);
  const harnessCore = cores > instances ? instances : null;
  const shared = instances > cores ? ` (only ${cores} cores: instances share them)` : '';
  const harness =
    harnessCore === null
      ? 'harness unpinned (no core left: it shares the cores with the instances, PostgreSQL and Redis)'
      : `harness on core ${harnessCore}`;
  return {
    serverCores,
    harnessCore,
    description: `instance ${serverCores.map((c, i) => `${instanceLabel(i)} on core ${c}`).join(', ')}${shared}; ${harness}`,
  };
}

/** A, B, C, …: how instances are named in logs, tables and the JSON. */
export function instanceLabel(index: number): string {
  return String.fromCharCode(65 + index);
}

/**
 * Pins every thread of this process (main, libuv pool, V8 helpers: hence -a) to one core, so the
 * harness never competes with the server it measures. Returns a warning instead of failing.
 */
export function pinSelf(core: number): string | null {
  const r = spawnSync('taskset', ['-a', '-cp', String(core), String(process.pid)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return `taskset could not pin the harness: ${r.stderr.trim()}`;
  return null;
}

/** Prefixes a command with `taskset -c <core>` (taskset execs, so the pid stays); null: as is. */
export function pinnedCommand(
  core: number | null,
  command: string,
  args: string[],
): [string, string[]] {
  return core === null ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
}
