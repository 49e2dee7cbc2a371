import { ConfigError, readEnv } from './env.js';
import { createLogger } from './log/createLogger.js';
import { startApp } from './startApp.js';

// Entry point of `npm start`: read the environment, start, and stop cleanly on a signal.
let config;
try {
  config = readEnv();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
const logger = createLogger(config.logLevel);
const app = await startApp(config, logger);
process.stdout.write(`\n  生活会协作台 is running at ${app.url}\n\n`);

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
