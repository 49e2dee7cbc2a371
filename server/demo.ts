import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_BRANCH, DEMO_CAST, DEMO_PASSWORD } from './demo/demoCast.js';
import { seedDemo } from './demo/seedDemo.js';
import { readEnv } from './env.js';
import { createLogger } from './log/createLogger.js';
import { startApp } from './startApp.js';
import { stopOnSignals } from './stopOnSignals.js';

// Entry point of `npm run demo`: the app on a fresh data dir, filled with a branch and a
// meeting ready to start, so that a newcomer can try every role in two browser windows.
// The admin starts with ADMIN_INITIAL_PASSWORD and, like anyone's first password, the seeding
// replaces it at once by the one printed below.
const ADMIN_INITIAL_PASSWORD = 'Admin-Initial-2026!';
const ADMIN_PASSWORD = 'Admin-Demo-2026!';
const env = readEnv();
const config = {
  ...env,
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'shenghuohui-demo-')),
  adminPassword: ADMIN_INITIAL_PASSWORD,
};
const logger = createLogger(config.logLevel);
const app = await startApp(config, logger);
stopOnSignals(app, logger);
const meeting = await seedDemo(app.url, {
  username: config.adminUsername,
  initialPassword: ADMIN_INITIAL_PASSWORD,
  password: ADMIN_PASSWORD,
});

const width = Math.max(...DEMO_CAST.map((p) => p.username.length));
const lines = [
  '',
  `  生活会协作台 demo is running at ${app.url}`,
  `  Demo data (a fresh temporary folder, yours to delete): ${config.dataDir}`,
  '',
  `  ${DEMO_BRANCH} · ${meeting.title}（会前准备）: ${app.url}/meetings/${meeting.id}`,
  `  Every login below has the password ${DEMO_PASSWORD}`,
  '',
  ...DEMO_CAST.map((p) => `    ${p.username.padEnd(width)}  ${p.displayName}  ${p.part}`),
  `    ${config.adminUsername.padEnd(width)}  系统管理员 (password ${ADMIN_PASSWORD})`,
  '',
  '  Use two browser windows (or one private window) to be two people at once.',
  '',
];
process.stdout.write(lines.join('\n'));
