import { defineConfig } from 'vitest/config';

// Tiers: `npm test` runs unit, commands (each command in-process through `run(request,
// services)` against real git, cargo and the local services) and nx (one real-nx test per
// executor and per Nx mechanism). `npm run test:campaigns` runs the long ones: kill -9
// campaigns, rate-limit storms, trusted-publishing expiry, full train rehearsals.
// One pool of two workers (the machine's cores) runs the three `npm test` tiers together, so no
// tier waits for the slowest file of the one before it.
export default defineConfig({
  test: {
    maxWorkers: 2,
    reporters: ['default', './tools/vitest-summary-reporter.mjs'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.spec.ts', 'tools/**/*.spec.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 20_000,
          // Unit specs share each worker's module graph instead of importing the plugin anew
          // per file (most of the tier's time was imports: ~120 files of a shared core). They
          // are pure, or restore what they change (environment variables, TZ); a spec that
          // leaves state behind for another file must restore it.
          isolate: false,
        },
      },
      {
        test: {
          name: 'commands',
          include: ['e2e/commands/**/*.test.ts'],
          setupFiles: ['e2e/support/setup-git.ts'],
          globalSetup: ['e2e/support/fixtures.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'nx',
          globalSetup: ['e2e/support/fixtures.global.ts'],
          include: ['e2e/*.e2e.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'campaigns',
          globalSetup: ['e2e/support/fixtures.global.ts'],
          include: ['e2e/campaigns/**/*.e2e.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
