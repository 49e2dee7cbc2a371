import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchOptions, type BenchOptions, type ServerName } from './benchOptions.js';
import { BenchUsageError } from './BenchUsageError.js';
import type { ChildServer } from './ChildServer.js';
import { HARNESS_CORE, hasTaskset, pinSelf, SERVER_CORE } from './cpuPinning.js';
import { LoadRun } from './LoadRun.js';
import { formatResultNotes, formatResultsTable } from './resultsTable.js';
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

/** Child servers must never outlive the harness: kill them on any way out. */
function installCleanup(live: Set<ChildServer>, tempRoot: string): void {
  const killAll = (): void => {
    for (const child of live) child.killNow();
    rmSync(tempRoot, { recursive: true, force: true });
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the servers\n`);
      killAll();
      process.exit(130);
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

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof BenchUsageError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  const pinWarning = pinSelf(HARNESS_CORE);
  if (pinWarning !== null) process.stderr.write(`warning: ${pinWarning}\n`);
  // Every y-websocket provider adds a process 'exit' listener; hundreds of writers are expected.
  process.setMaxListeners(options.rooms + 50);
  const live = new Set<ChildServer>();
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'shh-bench-'));
  installCleanup(live, tempRoot);

  const machine = describeMachine();
  const startedAt = new Date();
  const pinning = hasTaskset()
    ? `servers on core ${SERVER_CORE}, harness on core ${HARNESS_CORE}`
    : 'none (no taskset)';
  console.log(`bench: ${describeParameters(options)}`);
  console.log(
    `machine: ${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}; pinning: ${pinning}\n`,
  );

  const results: ServerResult[] = [];
  for (const name of options.servers) {
    const ctx: TargetContext = {
      repoRoot,
      tempDir: mkdtempSync(path.join(tempRoot, `${name}-`)),
      live,
      options,
    };
    const log = (line: string): void => console.log(`[${name}] ${line}`);
    results.push(await new LoadRun(createTarget(name, ctx), options, log).run());
  }

  console.log(`\n${describeParameters(options)}\n`);
  console.log(formatResultsTable(results));
  console.log('');
  for (const line of formatResultNotes(results)) console.log(line);
  for (const r of results) {
    if (r.error !== null && r.serverOutputTail.trim().length > 0) {
      console.log(`\n--- ${r.server} output (tail) ---\n${r.serverOutputTail.trimEnd()}`);
    }
  }

  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = {
    startedAt: startedAt.toISOString(),
    parameters: options,
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
