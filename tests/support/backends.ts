// The database backends an integration test runs against: embedded always, the server when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto'
import { type Database, openDatabase } from '@renewal-atlas/db'
import knexFactory from 'knex'

export type BackendName = 'embedded' | 'server'

export const backends: BackendName[] = process.env.TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded']

export interface TestDatabase {
  db: Database
  /** Close the connection and drop the throwaway database. */
  dispose(): Promise<void>
}

/** A fresh, empty database on the given backend: in-memory PGlite, or a new database on the test server. */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === 'embedded') {
    const db = await openDatabase({ dataDir: 'memory://' })
    return { db, dispose: () => db.close() }
  }
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set')
  const name = `atlas_test_${randomBytes(6).toString('hex')}`
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } })
  await admin.raw('create database ??', [name])
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  let db: Database
  try {
    db = await openDatabase({ databaseUrl: url.toString(), poolMax: 8 })
  } catch (error) {
    await admin.raw('drop database if exists ?? with (force)', [name])
    await admin.destroy()
    throw error
  }
  return {
    db,
    async dispose() {
      await db.close()
      await admin.raw('drop database if exists ?? with (force)', [name])
      await admin.destroy()
    },
  }
}
