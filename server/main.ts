import { ConfigError, readEnv } from './env.js';
import { createLogger } from './log/createLogger.js';
import { startApp } from './startApp.js';
import { stopOnSignals } from './stopOnSignals.js';

// Entry point of `npm start`: read the environment, start, and stop cleanly on a signal.
const exitOnConfigError = (err: unknown): never => {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
};
const config = (() => {
  try {
    return readEnv();
  } catch (err) {
    return exitOnConfigError(err);
  }
})();
const logger = createLogger(config.logLevel);
const app = await startApp(config, logger).catch(exitOnConfigError);
process.stdout.write(`\n  生活会协作台 is running at ${app.url}\n`);
if (app.initialAdminPassword) {
  // Shown once, never logged: it must be changed at the first sign-in.
  process.stdout.write(
    `  Sign in as "${config.adminUsername}" with the one-time password: ${app.initialAdminPassword}\n` +
      '  (you will be asked to change it; set ADMIN_PASSWORD to choose it instead)\n',
  );
}
process.stdout.write('\n');

stopOnSignals(app, logger);
