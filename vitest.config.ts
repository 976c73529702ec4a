// One test runner for the whole monorepo: unit tests beside their files, cross-package tests in tests/.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/vite-plugins/**/*.test.ts',
      'tests/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // The databases integration tests start from, made once per run (cached across runs when embedded).
    globalSetup: ['tests/support/database-templates.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Integration files each boot a database; two cores run two files at a time.
    fileParallelism: true,
    maxWorkers: 2,
    // A worker keeps the modules it has loaded from one file to the next: no test mocks a module or changes the
    // environment, and importing the API afresh for every file cost ~100 s of a run.
    isolate: false,
  },
})
