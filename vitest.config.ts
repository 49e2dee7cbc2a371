import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The server suites that run a second time with every server they start storing in PostgreSQL
 * (`TEST_DATABASE=postgres`). Not all of them: a suite is here when what it checks goes through
 * SQL that differs between SQLite and PostgreSQL (transactions, UPDATE … RETURNING, upserts,
 * dates and time zones, text with odd characters, concurrent writers, migrations), and each
 * server module keeps at least one suite here as a smoke test. Pure suites (renderers, parsers)
 * and suites about HTTP, sockets or validation in front of storage run on SQLite only.
 * A new suite that writes or reads through a repository in a new way belongs here.
 * Already on PostgreSQL whatever the project (so not listed): test/server/fanout/** (clusters)
 * and test/server/storage/** (both databases side by side, migrations, copying between them).
 */
const POSTGRES_SUITES = [
  // Rounds opened, ballots cast and counted in transactions; what stays secret in storage.
  'appraisal/appraisalBallot',
  'appraisal/appraisalSecrecy',
  // The lockout's UPDATE … RETURNING, raced; sessions' idle and absolute expiry; audit reads.
  'auth/signIn',
  'auth/parallelGuesses',
  'auth/auditLog',
  'auth/sessionOnOpenSockets', // session leases read from the store while sockets write
  'auth/userAdmin', // accounts created, renamed, reset and disabled
  'branches/branches',
  'demo/seedDemo', // a whole demo world written through every repository
  'documents/documentVersions',
  // Exports read the whole record of a meeting; appraisal exports keep ballots secret.
  'export/meetingExports',
  'export/appraisalExport',
  'export/exportRoutes',
  'http/nulInput', // NUL in text was a 500 on PostgreSQL only
  'http/metricsAndReadiness', // readiness asks the database
  'http/rectificationRoutes', // the ledger's filters: owner, overdue (dates)
  'import/ImportWriter',
  'meetings/meetingRoutes',
  'meetings/liveAccessChanges', // racing requests add one participant once
  // The event log's versions taken by concurrent commands; replayed after a restart.
  'moderation/meetingChannel',
  'moderation/speechesAcrossRestarts',
  'rectifications/rectificationLedger',
  'rectifications/rectificationProposals',
  'rectifications/rectificationRules', // overdue in the meeting's time zone
  'rectifications/rectificationVerify',
  'rectifications/carryOver', // last year's items read across meetings
  // Documents stored and loaded: appends from many clients, pending data.
  'sync/convergence',
  'sync/pendingUpdates',
].map((suite) => `test/server/${suite}.test.ts`);
// A suite renamed or moved must not silently stop running on PostgreSQL.
for (const file of POSTGRES_SUITES) {
  if (!existsSync(new URL(file, import.meta.url)))
    throw new Error(`vitest.config.ts: POSTGRES_SUITES names ${file}, which is gone`);
}

// Guards, not expectations: a quick suite takes seconds, but two suites on one 2-core machine
// (or a CPU-heavy one such as 1,000 rooms, or a zip bomb) may take several times as long.
const serverTimeouts = { testTimeout: 90_000, hookTimeout: 90_000 };

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/SummaryReporter.ts'],
    // Vitest's default is one worker less than the cores, one worker on a 2-core machine; the
    // server suites spend much of their time waiting on sockets and PostgreSQL, so two overlap.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**'],
          environment: 'node',
          // A worker runs file after file without importing the server afresh for each: that
          // import was most of a short suite's time. Safe while modules hold no mutable state.
          isolate: false,
          ...serverTimeouts,
        },
      },
      {
        test: {
          name: 'postgres',
          include: POSTGRES_SUITES,
          env: { TEST_DATABASE: 'postgres' },
          environment: 'node',
          isolate: false,
          ...serverTimeouts,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/buildClient.ts', 'test/browser/sharedChromium.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine, in one worker that imports once; after
          // the server suites (a group of its own, as its worker count differs).
          maxWorkers: 1,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
