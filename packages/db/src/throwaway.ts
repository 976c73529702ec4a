// A fresh, empty database that is dropped afterwards: in-memory PGlite, or a new database on a PostgreSQL server.
// Tests and the benchmark use it so that every run starts from nothing and leaves nothing behind.
import { randomBytes } from 'node:crypto'
import knexFactory from 'knex'
import { type Database, openDatabase } from './connect.ts'

export interface ThrowawayDatabase {
  db: Database
  /** postgres:// URL of the database on a server (for tools such as ogr2ogr); undefined when embedded. */
  url?: string
  /** Close the connections and drop the database. */
  dispose(): Promise<void>
}

/**
 * `serverUrl` names a database whose user may create databases; the throwaway one is created beside it.
 * Without it the database is embedded and in memory.
 */
export async function openThrowawayDatabase(
  serverUrl?: string,
  options: { prefix?: string; poolMax?: number } = {},
): Promise<ThrowawayDatabase> {
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: 'memory://' })
    return { db, dispose: () => db.close() }
  }
  const name = `${options.prefix ?? 'atlas_tmp'}_${randomBytes(6).toString('hex')}`
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } })
  const drop = async () => {
    await admin.raw('drop database if exists ?? with (force)', [name])
    await admin.destroy()
  }
  await admin.raw('create database ??', [name])
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let db: Database
  try {
    db = await openDatabase({ databaseUrl: url.toString(), poolMax: options.poolMax })
  } catch (error) {
    await drop()
    throw error
  }
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close()
      await drop()
    },
  }
}
