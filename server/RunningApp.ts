import type http from 'node:http';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { AppConfig } from './env.js';
import type { PasswordCost } from './auth/PasswordHasher.js';
import type { SyncServer } from './sync/SyncServer.js';

export interface RunningApp {
  /** http://host:port */
  url: string;
  port: number;
  sync: SyncServer;
  /** The generated one-time admin password of a first start, to print once; else null. */
  initialAdminPassword: string | null;
  /** Stops accepting, closes sockets with "going away", flushes storage, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** The clock of sessions, account lockout and the audit log; tests move it instead of waiting. */
  now?: () => number;
  /** The argon2id cost of new password hashes; OWASP's unless a test lowers it. No env var. */
  passwordCost?: PasswordCost;
}

/** What a started app holds, closed in this order. */
export interface AppParts {
  url: string;
  port: number;
  server: http.Server;
  io: Server;
  sync: SyncServer;
  /** The auth module, the fan-out and the database: closed last, one after the other. */
  after: ReadonlyArray<{ close(): Promise<void> }>;
  initialAdminPassword: string | null;
  /** `shutdownGraceMs`: how long open documents may take to store what they hold. */
  config: Pick<AppConfig, 'shutdownGraceMs'>;
  logger: Logger;
}

/** The running app; closing it twice closes it once. */
export function runningApp(parts: AppParts): RunningApp {
  const { server, io, sync, logger } = parts;
  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Closing engine.io's transports (not disconnecting sockets) lets socket.io clients reconnect.
    io.engine.close();
    await sync.close(parts.config.shutdownGraceMs);
    await io.close();
    server.closeAllConnections();
    await closed;
    for (const part of parts.after) await part.close();
    logger.info('stopped');
  };
  let closing: Promise<void> | null = null;
  const { url, port, initialAdminPassword } = parts;
  return { url, port, sync, initialAdminPassword, close: () => (closing ??= close()) };
}
