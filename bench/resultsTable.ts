import type { ServerResult } from './serverResult.js';

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

/** One row per server as an aligned Markdown table, readable in a terminal and in docs. */
export function formatResultsTable(results: ServerResult[]): string {
  const rows = results.map((r) => {
    const l = r.latencyMs;
    const d = r.deliveries;
    const pct = d.expected > 0 ? ` (${((d.received / d.expected) * 100).toFixed(2)}%)` : '';
    return [
      r.error === null ? r.server : `${r.server} (failed)`,
      ms(l?.p50),
      ms(l?.p90),
      ms(l?.p99),
      ms(l?.max),
      `${d.received} / ${d.expected}${pct}`,
      r.memory.perConnectionKB === null ? '-' : r.memory.perConnectionKB.toFixed(1),
      r.serverCpuPct === null ? '-' : r.serverCpuPct.toFixed(0),
      r.harnessCpuPct.toFixed(0),
      r.harnessLoopDelayP99Ms.toFixed(1),
      r.harnessLoopDelayMaxMs.toFixed(1),
    ];
  });
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]): string =>
    `| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(HEADER), rule, ...rows.map(line)].join('\n');
}

/** Notes under the table: persistence, failures, lost connections, anything odd. */
export function formatResultNotes(results: ServerResult[]): string[] {
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
      notes.push(
        `  RSS idle ${(m.idleRssKB / 1024).toFixed(1)} MB, loaded (median) ${(m.loadedRssKB / 1024).toFixed(1)} MB, ` +
          `peak ${((m.peakRssKB ?? 0) / 1024).toFixed(1)} MB; ${r.measuredUpdates} updates measured ` +
          `(${r.achievedRatePerRoom.toFixed(1)}/s per room)`,
      );
    }
  }
  return notes;
}

function ms(v: number | undefined): string {
  return v === undefined ? '-' : v.toFixed(1);
}
