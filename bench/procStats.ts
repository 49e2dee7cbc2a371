import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream kernel. */
export const CLOCK_TICKS_PER_S = 100;

/** Resident set size of a process in KB (VmRSS of /proc/<pid>/status), or null if it is gone. */
export function readRssKb(pid: number): number | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** utime + stime of a process in clock ticks, or null if it is gone. */
export function readCpuTicks(pid: number): number | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so utime (field 14) and stime (field 15) are at 11 and 12.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : null;
}

/** Busy and total clock ticks of the whole machine, all cores (first line of /proc/stat). */
export function readMachineTicks(): { busy: number; total: number } | null {
  let text: string;
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  const fields = (text.split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
  const total = fields.slice(0, 8).reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return total > 0 ? { busy: total - idle, total } : null;
}

/**
 * CPU ticks of every process whose name (`comm`) is `name` and whose command line contains
 * `cmdlineHas` (when given), by pid. Processes may vanish between listing and reading: skipped.
 */
export function readTicksOfProcesses(name: string, cmdlineHas?: string): Map<number, number> {
  const ticks = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return ticks;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
      if (cmdlineHas !== undefined) {
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
        if (!cmdline.includes(cmdlineHas)) continue;
      }
    } catch {
      continue;
    }
    const t = readCpuTicks(Number(entry));
    if (t !== null) ticks.set(Number(entry), t);
  }
  return ticks;
}
