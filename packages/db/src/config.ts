// Database settings from the environment: DATABASE_URL selects the server, RENEWAL_DATA_DIR the embedded folder.
import path from 'node:path'
import type { DatabaseOptions } from './connect.ts'

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  const dataRoot = env.RENEWAL_DATA_DIR ?? '.data'
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(dataRoot, 'pglite'),
    poolMax: env.DATABASE_POOL_MAX ? Number(env.DATABASE_POOL_MAX) : undefined,
  }
}
