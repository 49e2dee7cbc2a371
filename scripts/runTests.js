// `npm test`: the server suites (projects node and postgres, two workers) and the browser suites
// (one Chromium, one worker) as two Vitest runs side by side. Vitest runs projects whose worker
// counts differ one group after another; the server suites wait on sockets and PostgreSQL much
// of the time, so on 2 cores the browser suites fit beside them rather than after them.
// With arguments (a file, a project, a filter), it is one plain `vitest run` with them.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const args = process.argv.slice(2);

// test/helpers/SummaryReporter.ts's closing line, which CI reads: the runs' lines are summed into one.
const SUMMARY = /^(\d+) passed, (\d+) failed, (\d+) skipped$/;
const totals = [0, 0, 0];
let summaries = 0;

/** Runs one Vitest; each line of its output goes out whole, with a prefix when there is one. */
function run(extra, prefix) {
  const child = spawn(process.execPath, [...vitest, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
      const summary = SUMMARY.exec(line);
      if (!summary) return to.write(`${prefix}${line}\n`);
      summaries++;
      summary.slice(1).forEach((count, i) => (totals[i] += Number(count)));
    });
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const runs =
  args.length > 0
    ? [run(args, '')]
    : [
        run(['--project', 'node', '--project', 'postgres'], ''),
        run(['--project', 'browser'], '[browser] '),
      ];
const codes = await Promise.all(runs);
const [passed, failed, skipped] = totals;
if (summaries < runs.length) console.error('a Vitest run ended without its summary');
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(codes.some((code) => code !== 0) || summaries < runs.length ? 1 : 0);
