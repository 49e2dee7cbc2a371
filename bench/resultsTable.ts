import type { InstanceResult, ServerResult } from './serverResult.js';

const HEADER = [
  'server',
  'p50 ms',
  'p90 ms',
  'p99 ms',
  'max ms',
  'delivered / expected',
  'RSS/conn KB',
  'server CPU %',
  'harness CPU %',
  'harness lag p99 ms',
  'harness lag max ms',
];

/** Where the multi-instance table puts its extra columns: instances after the name, etc. */
const MULTI_HEADER = [
  'server',
  'instances',
  ...HEADER.slice(1, 7),
  'RSS MB per instance',
  'server CPU % (sum)',
  'CPU % per instance',
  ...HEADER.slice(8),
];

/**
 * One row per server as an aligned Markdown table, readable in a terminal and in docs. With
 * several instances, memory and CPU are sums over a server's instances, also shown one by one.
 */
export function formatResultsTable(results: ServerResult[], multiInstance = false): string {
  const rows = results.map((r) => {
    const l = r.latencyMs;
    const d = r.deliveries;
    const pct = d.expected > 0 ? ` (${((d.received / d.expected) * 100).toFixed(2)}%)` : '';
    const common = [
      ms(l?.p50),
      ms(l?.p90),
      ms(l?.p99),
      ms(l?.max),
      `${d.received} / ${d.expected}${pct}`,
      r.memory.perConnectionKB === null ? '-' : r.memory.perConnectionKB.toFixed(1),
    ];
    const cpu = r.serverCpuPct === null ? '-' : r.serverCpuPct.toFixed(0);
    const harness = [
      r.harnessCpuPct.toFixed(0),
      r.harnessLoopDelayP99Ms.toFixed(1),
      r.harnessLoopDelayMaxMs.toFixed(1),
    ];
    if (!multiInstance) return [serverLabel(r, false), ...common, cpu, ...harness];
    return [
      serverLabel(r, true),
      describeInstances(r),
      ...common,
      perInstance(r.instances, (i) => (i.loadedRssKB === null ? '-' : mb(i.loadedRssKB))),
      cpu,
      perInstance(r.instances, (i) => (i.cpuPct === null ? '-' : i.cpuPct.toFixed(0))),
      ...harness,
    ];
  });
  return markdownTable(multiInstance ? MULTI_HEADER : HEADER, rows);
}

/** Multi-instance only: latency of readers on the writer's instance and on the other one. */
export function formatPathTable(results: ServerResult[]): string | null {
  const rows = results.flatMap((r) =>
    r.paths.map((p) => [
      serverLabel(r, true),
      p.path === 'other instance' ? 'other instance (relayed)' : 'same instance as the writer',
      String(p.readersPerRoom),
      ms(p.latencyMs?.p50),
      ms(p.latencyMs?.p90),
      ms(p.latencyMs?.p99),
      ms(p.latencyMs?.max),
      String(p.delivered),
    ]),
  );
  if (rows.length === 0) return null;
  const header = [
    'server',
    'reader on',
    'readers/room',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'max ms',
    'delivered',
  ];
  return markdownTable(header, rows);
}

/** Notes under the table: persistence, failures, lost connections, anything odd. */
export function formatResultNotes(results: ServerResult[], multiInstance = false): string[] {
  const notes: string[] = [];
  for (const r of results) {
    notes.push(`${r.server}: ${r.note}`);
    if (r.error !== null) notes.push(`  ! ${r.error}`);
    const c = r.connections;
    if (c.failed > 0)
      notes.push(
        `  ! ${c.failed}/${c.intended} connections failed to open; first: ${c.firstFailure}`,
      );
    const closes = Object.entries(r.readerCloses);
    if (closes.length > 0) {
      notes.push(
        `  ! readers closed by the server: ${closes.map(([code, n]) => `${n}× ${code}`).join(', ')}`,
      );
    }
    if (r.writerDisconnects > 0) notes.push(`  ! writer disconnects: ${r.writerDisconnects}`);
    if (r.deliveries.duplicates > 0)
      notes.push(`  ! duplicate deliveries: ${r.deliveries.duplicates}`);
    if (r.deliveries.strays > 0) notes.push(`  ! stray markers: ${r.deliveries.strays}`);
    if (r.serverExit !== null)
      notes.push(`  ! server process ended during the run: ${r.serverExit}`);
    for (const i of r.instances) notes.push(...outputNotes(r, i));
    const worst = r.timeline.reduce<ServerResult['timeline'][number] | null>(
      (w, sec) => (w === null || sec.maxMs > w.maxMs ? sec : w),
      null,
    );
    if (worst !== null) {
      notes.push(
        `  worst second of the window: #${worst.second}, mean ${worst.meanMs} ms, max ${worst.maxMs} ms ` +
          `(${worst.delivered} deliveries of ${worst.sent} updates)`,
      );
    }
    const m = r.memory;
    if (m.idleRssKB !== null && m.loadedRssKB !== null) {
      const sum = multiInstance && r.instances.length > 1 ? ' (sums over the instances)' : '';
      notes.push(
        `  RSS idle ${(m.idleRssKB / 1024).toFixed(1)} MB, loaded (median) ${(m.loadedRssKB / 1024).toFixed(1)} MB, ` +
          `peak ${((m.peakRssKB ?? 0) / 1024).toFixed(1)} MB${sum}; ${r.measuredUpdates} updates measured ` +
          `(${r.achievedRatePerRoom.toFixed(1)}/s per room)`,
      );
    }
    if (multiInstance) notes.push(...machineNotes(r));
  }
  return notes;
}

/** Per-instance figures and the machine's load, for multi-instance runs. */
function machineNotes(r: ServerResult): string[] {
  const notes = r.instances.map(
    (i) =>
      `  instance ${i.label} (${i.core === null ? 'unpinned' : `core ${i.core}`}): ${i.connections} connections, ` +
      `RSS idle ${i.idleRssKB === null ? '?' : mb(i.idleRssKB)} MB, loaded ${i.loadedRssKB === null ? '?' : mb(i.loadedRssKB)} MB, ` +
      `peak ${i.peakRssKB === null ? '?' : mb(i.peakRssKB)} MB; CPU ${i.cpuPct === null ? '?' : i.cpuPct.toFixed(0)} %`,
  );
  const s = r.sharedCpu;
  if (s !== null) {
    notes.push(
      `  machine: ${s.machineBusyPct.toFixed(0)} % busy of ${s.machineCores * 100} %; ` +
        `PostgreSQL (all its processes) ${s.postgresPct.toFixed(0)} %, Redis ${s.redisPct.toFixed(0)} %, ` +
        `everything else (other processes, softirq) ${s.otherPct.toFixed(0)} %`,
    );
  }
  return notes;
}

/** A server prints nothing under a healthy load (ours logs at warn): any line is a finding. */
function outputNotes(r: ServerResult, i: InstanceResult): string[] {
  const who = r.instances.length > 1 ? `instance ${i.label}` : 'the server';
  const phases = [
    { when: 'during the run', lines: i.linesDuringRun, first: i.firstLinesDuringRun },
    {
      when: 'after the clients left',
      lines: i.linesWhileStopping,
      first: i.firstLinesWhileStopping,
    },
  ];
  return phases.flatMap(({ when, lines, first }) =>
    lines === 0
      ? []
      : [
          `  ! ${who} printed ${lines} line(s) ${when}; first:`,
          ...first.map((line) => `      ${summarizeLogLine(line)}`),
        ],
  );
}

/** A pino JSON line as `warn: <msg>: <error message> (doc …)`; anything else as it is. */
function summarizeLogLine(line: string): string {
  const levels: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };
  try {
    const entry = JSON.parse(line) as {
      level?: number;
      msg?: string;
      doc?: string;
      err?: { message?: string };
    };
    const level = levels[entry.level ?? 0] ?? `level ${entry.level}`;
    const err = entry.err?.message === undefined ? '' : `: ${entry.err.message}`;
    const doc = entry.doc === undefined ? '' : ` (doc ${entry.doc})`;
    return `${level}: ${entry.msg ?? ''}${err}${doc}`;
  } catch {
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
  }
}

function serverLabel(r: ServerResult, multiInstance: boolean): string {
  const base = multiInstance && r.instanceCount === 1 ? `${r.server} (baseline)` : r.server;
  return r.error === null ? base : `${base} (failed)`;
}

/** "2 (cores 0, 1)", "1 (core 0)" or "2 (unpinned)". */
function describeInstances(r: ServerResult): string {
  const cores = r.instances.map((i) => i.core);
  if (cores.length === 0 || cores.some((c) => c === null)) {
    return `${r.instanceCount}${cores.length === 0 ? '' : ' (unpinned)'}`;
  }
  return `${r.instanceCount} (core${cores.length > 1 ? 's' : ''} ${cores.join(', ')})`;
}

function perInstance(instances: InstanceResult[], cell: (i: InstanceResult) => string): string {
  return instances.length === 0 ? '-' : instances.map(cell).join(' + ');
}

function markdownTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]): string =>
    `| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function ms(v: number | undefined): string {
  return v === undefined ? '-' : v.toFixed(1);
}

function mb(kb: number): string {
  return (kb / 1024).toFixed(1);
}
