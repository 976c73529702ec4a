// The database backends an integration test runs against: embedded always, the server when TEST_DATABASE_URL is set.
import { openThrowawayDatabase, type ThrowawayDatabase } from '@renewal-atlas/db'

export type BackendName = 'embedded' | 'server'

export const backends: BackendName[] = process.env.TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded']

export type TestDatabase = ThrowawayDatabase

/** A fresh, empty database on the given backend: in-memory PGlite, or a new database on the test server. */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === 'embedded') return openThrowawayDatabase()
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set')
  return openThrowawayDatabase(serverUrl, { prefix: 'atlas_test', poolMax: 8 })
}
