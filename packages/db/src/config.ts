// Database settings from the environment: DATABASE_URL selects the server, RENEWAL_DATA_DIR the embedded folder.
import path from 'node:path'
import type { DatabaseOptions } from './connect.ts'
import { ConfigurationError } from './errors.ts'

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  const dataRoot = env.RENEWAL_DATA_DIR || '.data'
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(dataRoot, 'pglite'),
    poolMax: positiveInteger(env.DATABASE_POOL_MAX, 'DATABASE_POOL_MAX'),
  }
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (!value) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigurationError(`${name} must be a whole number of at least 1, not "${value}"`)
  return n
}
