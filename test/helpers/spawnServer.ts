import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { api, login } from './apiClient.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The ADMIN_PASSWORD every spawned server starts with, to be replaced at the first sign-in. */
export const SPAWNED_INITIAL_ADMIN_PASSWORD = 'Spawned-Start-2026';
/** The admin's password once `setSpawnedAdminPassword` replaced the initial one. */
export const SPAWNED_ADMIN_PASSWORD = 'Spawned-Admin-2026';

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  syncUrl: string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `server/main.ts` in its own process (for SIGKILL and SIGTERM tests), on a free port. */
export async function spawnServer(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: rootDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ADMIN_PASSWORD: SPAWNED_INITIAL_ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 90_000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
    void exited.then(({ code }) => reject(new Error(`server exited with ${code}:\n${stderr}`)));
  });
  return { child, url, syncUrl: url.replace(/^http/, 'ws') + '/yjs', exited };
}

/**
 * The admin of a spawned server's fresh database signs in with the initial password and
 * replaces it by `SPAWNED_ADMIN_PASSWORD`, as the server requires before anything else.
 */
export async function setSpawnedAdminPassword(server: { url: string }): Promise<void> {
  const token = await login(server.url, 'admin', SPAWNED_INITIAL_ADMIN_PASSWORD);
  const changed = await api(server, 'POST', '/api/auth/password', {
    token,
    body: { oldPassword: SPAWNED_INITIAL_ADMIN_PASSWORD, newPassword: SPAWNED_ADMIN_PASSWORD },
  });
  if (changed.status !== 200)
    throw new Error(`admin password not changed: ${JSON.stringify(changed.body)}`);
}
