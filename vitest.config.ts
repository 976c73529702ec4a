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
  },
})
