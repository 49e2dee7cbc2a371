import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, sleep } from './freePort.js';

/** A throwaway PostgreSQL cluster of the test's own, which it may stop and start (the shared one it may not). */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust auth. */
  url: string;
  port: number;
  /** A fast shutdown (`pg_ctl stop -m fast`), waiting until the server is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it for good and deletes the data directory. */
  close(): Promise<void>;
}

/** Debian keeps initdb and pg_ctl out of PATH, in /usr/lib/postgresql/<version>/bin: take the newest. */
function postgresBin(name: string): string {
  const fromEnv = process.env.POSTGRES_BINDIR;
  if (fromEnv) return path.join(fromEnv, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(path.join(root, version, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], 'bin', name) : name;
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` OS user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

function run(file: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    // `close`, not `exit`: the output is complete. pg_ctl's postgres writes to its log, not our pipes.
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${file} ${args.join(' ')} failed (${code ?? signal}):\n${output}`));
    });
  });
}

const runAsPostgres = (command: string, args: string[], cwd: string): Promise<void> =>
  run(...asPostgres(command, args), cwd);

async function logTail(logFile: string): Promise<string> {
  const log = await readFile(logFile, 'utf8').catch(() => '');
  return log.split('\n').slice(-15).join('\n');
}

/** Connects and runs `SELECT 1`, retrying for a while: pg_ctl -w says "ready", we check. */
async function waitForQueries(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await sleep(50);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * A fresh cluster (initdb, trust auth, superuser `postgres`) in a temporary directory, started on a
 * free port and accepting queries. Tuned for speed, not durability: fsync off, small buffers.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'pg-test-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'postgres.log');
  const pgCtl = postgresBin('pg_ctl');
  let running = false;
  // A vitest worker that dies without `close` must not leave a postmaster behind (pg_ctl detaches it).
  const stopAtExit = (): void => {
    if (running) spawnSync(...asPostgres(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate']));
    rmSync(root, { recursive: true, force: true });
  };
  process.on('exit', stopAtExit);

  /** One `pg_ctl start`; a failure to start is retried until `retryMs` has passed. */
  const launch = async (port: number, retryMs: number): Promise<void> => {
    const options = [
      `-p ${port}`,
      `-k ${root}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=16MB',
      '-c max_connections=50',
    ].join(' ');
    const retryUntil = Date.now() + retryMs;
    for (;;) {
      try {
        const args = ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '30', '-o', options];
        await runAsPostgres(pgCtl, args, root);
        running = true;
        break;
      } catch (error) {
        // Right after a stop the port can still be held (TIME_WAIT, a slow exit); the log says why.
        if (Date.now() >= retryUntil) {
          const message = `${(error as Error).message}\n${await logTail(logFile)}`;
          throw new Error(message, { cause: error });
        }
        await sleep(200);
      }
    }
    await waitForQueries(`postgres://postgres@127.0.0.1:${port}/postgres`);
  };

  let port = 0;
  try {
    if (process.getuid?.() === 0) await run('chown', ['postgres:', root], root);
    await runAsPostgres(
      postgresBin('initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync'],
      root,
    );
    // Another process can take the free port before postgres binds it: then pick another.
    for (let attempt = 1; !running; attempt++) {
      port = await freePort();
      await launch(port, 0).catch((error: unknown) => {
        if (running || attempt >= 3) throw error;
      });
    }
  } catch (error) {
    stopAtExit();
    process.off('exit', stopAtExit);
    throw error;
  }

  const stop = async (): Promise<void> => {
    if (!running) return;
    await runAsPostgres(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], root);
    running = false;
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start: async () => {
      if (!running) await launch(port, 5_000);
    },
    close: async () => {
      await stop();
      process.off('exit', stopAtExit);
      await rm(root, { recursive: true, force: true });
    },
  };
}
