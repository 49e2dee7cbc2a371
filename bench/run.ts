import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseBenchOptions, type BenchOptions, type ServerName } from './benchOptions.js';
import { BenchUsageError } from './BenchUsageError.js';
import type { ChildServer } from './ChildServer.js';
import { hasTaskset, pinSelf, planCpuPlacement, type CpuPlacement } from './cpuPinning.js';
import { LoadRun } from './LoadRun.js';
import { formatPathTable, formatResultNotes, formatResultsTable } from './resultsTable.js';
import type { ServerResult } from './serverResult.js';
import type { BenchTarget, TargetContext } from './targets/BenchTarget.js';
import { HocuspocusTarget } from './targets/HocuspocusTarget.js';
import { OursTarget } from './targets/OursTarget.js';
import { YWebsocketTarget } from './targets/YWebsocketTarget.js';

// `npm run bench`: fan-out latency and memory of our sync server and two peers, same load, same run.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(repoRoot, 'bench', 'results');

function createTarget(name: ServerName, ctx: TargetContext): BenchTarget {
  switch (name) {
    case 'ours':
      return new OursTarget(ctx);
    case 'ywebsocket':
      return new YWebsocketTarget(ctx);
    case 'hocuspocus':
      return new HocuspocusTarget(ctx);
  }
}

/** How long an interrupted run waits for its exit tasks (dropping a schema) before it exits. */
const EXIT_TASKS_TIMEOUT_MS = 5000;

/**
 * Child servers must never outlive the harness: kill them on any way out. On a signal, the exit
 * tasks left (a multi-instance run's PostgreSQL schema) get a few seconds to finish.
 */
function installCleanup(
  live: Set<ChildServer>,
  exitTasks: Set<() => Promise<void>>,
  tempRoot: string,
): void {
  const killAll = (): void => {
    for (const child of live) child.killNow();
    rmSync(tempRoot, { recursive: true, force: true });
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the servers\n`);
      killAll();
      const tasks = Promise.allSettled([...exitTasks].map((task) => task()));
      void Promise.race([tasks, sleep(EXIT_TASKS_TIMEOUT_MS)]).then(() => process.exit(130));
    });
  }
}

function describeMachine(): { cpuModel: string; cores: number; node: string; platform: string } {
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function describeParameters(o: BenchOptions): string {
  return (
    `${o.rooms} rooms × ${o.clients} clients (1 writer + ${o.clients - 1} readers), ${o.rate} updates/s per room, ` +
    `warm-up ${o.warmupS} s, measured ${o.durationS} s${o.quick ? ' (--quick)' : ''}`
  );
}

/** The mode line printed above the table and stored in the JSON. */
function describeMode(o: BenchOptions, placement: CpuPlacement): string {
  if (o.instances === 1) return `mode: 1 instance per server; pinning: ${placement.description}`;
  const single = o.servers.includes('ywebsocket')
    ? '; ywebsocket: 1 instance (no multi-instance support), as a baseline'
    : '';
  return (
    `mode: ${o.instances} instances per server (ours: PostgreSQL ${redactUrl(o.databaseUrl)} + Redis ` +
    `${redactUrl(o.redisUrl)}; hocuspocus: Redis extension)${single}; pinning: ${placement.description}`
  );
}

/** A URL for the report: any password replaced. */
function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof BenchUsageError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  const machine = describeMachine();
  const taskset = hasTaskset();
  const placement = planCpuPlacement(options.instances, machine.cores, taskset);
  const pinWarning = !taskset
    ? 'taskset not found: the harness and the servers are not pinned'
    : placement.harnessCore === null
      ? null
      : pinSelf(placement.harnessCore);
  if (pinWarning !== null) process.stderr.write(`warning: ${pinWarning}\n`);
  // Every y-websocket provider adds a process 'exit' listener; hundreds of writers are expected.
  process.setMaxListeners(options.rooms + 50);
  const live = new Set<ChildServer>();
  const exitTasks = new Set<() => Promise<void>>();
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'shh-bench-'));
  installCleanup(live, exitTasks, tempRoot);

  const startedAt = new Date();
  const pinning = placement.description;
  const multi = options.instances > 1;
  console.log(`bench: ${describeParameters(options)}`);
  if (multi) console.log(describeMode(options, placement));
  console.log(
    `machine: ${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}; pinning: ${pinning}\n`,
  );

  const results: ServerResult[] = [];
  for (const name of options.servers) {
    const ctx: TargetContext = {
      repoRoot,
      tempDir: mkdtempSync(path.join(tempRoot, `${name}-`)),
      live,
      exitTasks,
      options,
      serverCores: placement.serverCores,
    };
    const log = (line: string): void => console.log(`[${name}] ${line}`);
    results.push(await new LoadRun(createTarget(name, ctx), options, log).run());
  }

  console.log(`\n${describeParameters(options)}`);
  console.log(`${describeMode(options, placement)}\n`);
  console.log(formatResultsTable(results, multi));
  const paths = multi ? formatPathTable(results) : null;
  if (paths !== null) console.log(`\nlatency by where the reader is:\n\n${paths}`);
  console.log('');
  for (const line of formatResultNotes(results, multi)) console.log(line);
  for (const r of results) {
    if (r.error !== null && r.serverOutputTail.trim().length > 0) {
      console.log(`\n--- ${r.server} output (tail) ---\n${r.serverOutputTail.trimEnd()}`);
    }
  }

  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = {
    startedAt: startedAt.toISOString(),
    parameters: {
      ...options,
      databaseUrl: redactUrl(options.databaseUrl),
      redisUrl: redactUrl(options.redisUrl),
    },
    mode: {
      instances: options.instances,
      serverCores: placement.serverCores,
      harnessCore: placement.harnessCore,
      description: describeMode(options, placement),
    },
    machine,
    pinning,
    results,
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(repoRoot, file)}`);
  return results.some((r) => r.error !== null) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
