// A fresh database that is dropped afterwards: in-memory PGlite, or a new database on a PostgreSQL server.
// Tests and the benchmark use it so that every run starts from nothing and leaves nothing behind. A template made
// once (a database on the server, a data folder archive when embedded) lets many throwaway databases start from the
// same prepared state without paying for it each time.
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

export interface ThrowawayOptions {
  prefix?: string
  poolMax?: number
  /**
   * Start from a template instead of an empty database: on a server the name of a database to copy
   * (`CREATE DATABASE … TEMPLATE`, which needs it to have no open connection); embedded, a data folder archive
   * from `Database.dumpDataDir`.
   */
  template?: string | Blob | undefined
}

/**
 * `serverUrl` names a database whose user may create databases; the throwaway one is created beside it.
 * Without it the database is embedded and in memory.
 */
export async function openThrowawayDatabase(
  serverUrl?: string,
  options: ThrowawayOptions = {},
): Promise<ThrowawayDatabase> {
  const { template } = options
  if (!serverUrl) {
    if (typeof template === 'string')
      throw new Error('an embedded throwaway database takes an archive as template')
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir: template })
    return { db, dispose: () => db.close() }
  }
  if (template instanceof Blob)
    throw new Error('a throwaway database on a server takes a database name as template')
  const name = `${options.prefix ?? 'atlas_tmp'}_${randomBytes(6).toString('hex')}`
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } })
  const drop = async () => {
    await admin.raw('drop database if exists ?? with (force)', [name])
    await admin.destroy()
  }
  try {
    if (template) await admin.raw('create database ?? template ??', [name, template])
    else await admin.raw('create database ??', [name])
  } catch (error) {
    await admin.destroy()
    throw error
  }
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

/**
 * Prepare a database once and keep it as a template: on a server a database left with no connection (dropped by
 * `dispose`), embedded the gzipped data folder. `prepare` migrates, loads data, or anything else every copy needs.
 */
export async function makeThrowawayTemplate(
  serverUrl: string | undefined,
  prepare: (db: Database) => Promise<void>,
  options: { prefix?: string } = {},
): Promise<{ template: string | Blob; dispose(): Promise<void> }> {
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: 'memory://' })
    try {
      await prepare(db)
      const archive = await (db.dumpDataDir as () => Promise<Blob>)()
      return { template: archive, dispose: async () => {} }
    } finally {
      await db.close()
    }
  }
  const name = `${options.prefix ?? 'atlas_template'}_${randomBytes(6).toString('hex')}`
  const drop = async () => {
    const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } })
    try {
      await admin.raw('drop database if exists ?? with (force)', [name])
    } finally {
      await admin.destroy()
    }
  }
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } })
  try {
    await admin.raw('create database ??', [name])
  } finally {
    await admin.destroy()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  try {
    const db = await openDatabase({ databaseUrl: url.toString(), poolMax: 2 })
    try {
      await prepare(db)
    } finally {
      await db.close()
    }
  } catch (error) {
    await drop()
    throw error
  }
  return { template: name, dispose: drop }
}
