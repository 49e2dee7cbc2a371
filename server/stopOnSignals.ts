import type { Logger } from 'pino';
import type { RunningApp } from './startApp.js';

/** Stops the app cleanly on SIGTERM or SIGINT, then exits (0, or 1 if stopping failed). */
export function stopOnSignals(app: RunningApp, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
