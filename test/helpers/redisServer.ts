import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, sleep } from './freePort.js';

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server';

/** A throwaway redis-server of the test's own, which it may stop and start (the shared one it may not). */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops the server and waits for the process to exit; the port stays this server's. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty: nothing is saved across a stop. */
  start(): Promise<void>;
  /** Stops it for good and deletes its directory. */
  close(): Promise<void>;
}

/**
 * Sends the inline command `PING` over a raw socket (no client library needed) and resolves with
 * the first reply line, `+PONG` when the server is ready; rejects when nothing answers.
 */
export function pingRedis(port: number, timeoutMs = 1_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no reply from redis on port ${port}`)));
    socket.once('error', fail);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      const end = reply.indexOf('\r\n');
      if (end < 0) return;
      socket.destroy();
      resolve(reply.slice(0, end));
    });
    socket.once('end', () => fail(new Error(`redis on port ${port} hung up after ${reply}`)));
  });
}

interface RedisProcess {
  child: ChildProcess;
  exited: Promise<void>;
  running(): boolean;
  /** The spawn error (say ENOENT), which no retry will fix. */
  spawnError(): Error | undefined;
  output(): string;
}

function spawnRedis(port: number, dir: string): RedisProcess {
  const child = spawn(
    REDIS_SERVER,
    // Not daemonized, so the exit is ours to see; no RDB or AOF, so a restart starts empty.
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let done = false;
  let error: Error | undefined;
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (e) => {
      error = e;
      resolve();
    });
  }).then(() => {
    done = true;
  });
  return {
    child,
    exited,
    running: () => !done,
    spawnError: () => error,
    output: () => output,
  };
}

async function stopRedis(proc: RedisProcess): Promise<void> {
  if (!proc.running()) return;
  proc.child.kill('SIGTERM');
  await Promise.race([proc.exited, sleep(5_000)]);
  if (proc.running()) proc.child.kill('SIGKILL');
  await proc.exited;
}

/**
 * Starts redis-server on `port` and waits for `+PONG`. A server that exits at once (the port still
 * held by the previous one, or taken) is retried until `retryMs` has passed.
 */
async function launchRedis(port: number, dir: string, retryMs: number): Promise<RedisProcess> {
  const retryUntil = Date.now() + retryMs;
  for (;;) {
    const proc = spawnRedis(port, dir);
    const readyBy = Date.now() + 10_000;
    while (proc.running() && Date.now() < readyBy) {
      const reply = await pingRedis(port, 500).catch(() => '');
      // The check after the reply: a PONG from whoever else holds the port is not ours.
      if (reply === '+PONG' && proc.running()) return proc;
      await sleep(20);
    }
    if (proc.running()) {
      await stopRedis(proc);
      throw new Error(`redis-server on port ${port} did not answer PING:\n${proc.output()}`);
    }
    const spawnError = proc.spawnError();
    if (spawnError) throw new Error(`could not run ${REDIS_SERVER}: ${spawnError.message}`);
    if (Date.now() >= retryUntil) {
      throw new Error(`redis-server on port ${port} exited:\n${proc.output()}`);
    }
    await sleep(100);
  }
}

/** A fresh redis-server on a free port, in a temporary directory, answering PING. */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redis-test-'));
  let proc: RedisProcess | undefined;
  // A vitest worker that dies without `close` must not leave a redis-server behind.
  const killAtExit = (): void => {
    proc?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', killAtExit);

  let port = 0;
  try {
    // Another process can take the free port before redis binds it: then pick another.
    for (let attempt = 1; !proc; attempt++) {
      port = await freePort();
      proc = await launchRedis(port, dir, 0).catch((error: unknown) => {
        if (attempt >= 3) throw error;
        return undefined;
      });
    }
  } catch (error) {
    process.off('exit', killAtExit);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const stop = async (): Promise<void> => {
    if (proc) await stopRedis(proc);
    proc = undefined;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start: async () => {
      if (proc?.running()) return;
      proc = await launchRedis(port, dir, 5_000);
    },
    close: async () => {
      await stop();
      process.off('exit', killAtExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
