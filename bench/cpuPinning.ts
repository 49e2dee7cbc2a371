import { spawnSync } from 'node:child_process';

/** The core every server runs on; the harness takes the other one. */
export const SERVER_CORE = 0;
export const HARNESS_CORE = 1;

let tasksetChecked: boolean | undefined;

/** Whether `taskset` (util-linux) can be run. Checked once. */
export function hasTaskset(): boolean {
  tasksetChecked ??= spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
  return tasksetChecked;
}

/**
 * Pins every thread of this process (main, libuv pool, V8 helpers: hence -a) to one core, so the
 * harness never competes with the server it measures. Returns a warning instead of failing.
 */
export function pinSelf(core: number): string | null {
  if (!hasTaskset()) return 'taskset not found: the harness and the servers are not pinned';
  const r = spawnSync('taskset', ['-a', '-cp', String(core), String(process.pid)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return `taskset could not pin the harness: ${r.stderr.trim()}`;
  return null;
}

/** Prefixes a command with `taskset -c <core>` when taskset exists (taskset execs, so the pid stays). */
export function pinnedCommand(core: number, command: string, args: string[]): [string, string[]] {
  return hasTaskset() ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
}
