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
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Integration files each boot a database; two cores run two files at a time.
    fileParallelism: true,
    maxWorkers: 2,
  },
})
