// The database backends an integration test runs against: embedded always, the server when TEST_DATABASE_URL is set.
// Each test database is a copy of a template the global setup prepared (tests/support/database-templates.ts).
import { readFileSync } from 'node:fs'
import { openThrowawayDatabase, type ThrowawayDatabase } from '@renewal-atlas/db'
import { inject } from 'vitest'

export type BackendName = 'embedded' | 'server'

export const backends: BackendName[] = process.env.TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded']

export type TestDatabase = ThrowawayDatabase

const archives = new Map<string, Blob>()

/** The embedded template as an archive, e.g. for `openDatabase({ dataDir, loadDataDir })` on a new folder. */
export function embeddedTemplate(which: 'bare' | 'demo'): Blob {
  return archive(inject('databaseTemplates').embedded[which])
}

function archive(file: string): Blob {
  let blob = archives.get(file)
  if (!blob) {
    blob = new Blob([readFileSync(file)])
    archives.set(file, blob)
  }
  return blob
}

/**
 * A fresh database on the given backend: in-memory PGlite, or a new database on the test server. Empty (PostGIS
 * only) by default; with `demo`, migrated and holding the demo data as `npm start` loads it, but no user.
 */
export async function createTestDatabase(
  backend: BackendName,
  { demo = false }: { demo?: boolean } = {},
): Promise<TestDatabase> {
  const templates = inject('databaseTemplates')
  if (backend === 'embedded')
    return openThrowawayDatabase(undefined, { template: embeddedTemplate(demo ? 'demo' : 'bare') })
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set')
  return openThrowawayDatabase(serverUrl, {
    prefix: 'atlas_test',
    poolMax: 8,
    template: demo ? templates.server?.demo : undefined,
  })
}
