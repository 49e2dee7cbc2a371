import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/SummaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // The server suites once more, every server they start storing in PostgreSQL.
          name: 'postgres',
          include: ['test/server/**/*.test.ts'],
          exclude: [
            // Already on PostgreSQL, or about SQLite itself (its file, its WAL, its migrations).
            'test/server/fanout/**',
            'test/server/storage/**',
            'test/server/sync/persistence.test.ts',
            'test/server/sync/storageFailure.test.ts',
          ],
          env: { TEST_DATABASE: 'postgres' },
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/buildClient.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
