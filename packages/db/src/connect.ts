// The knex factory over either backend: a pg pool from DATABASE_URL, or embedded PGlite + PostGIS in a folder.
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import knexFactory, { type Knex } from 'knex'
import ClientPgLite from 'knex-pglite'
import pg from 'pg'
import { type Capabilities, detectCapabilities } from './capabilities.ts'
import { PostgisMissingError } from './errors.ts'

export interface DatabaseOptions {
  /** postgres:// URL of a PostgreSQL/PostGIS server; when absent the embedded database is used. */
  databaseUrl?: string | undefined
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined
  /**
   * Embedded only: start from this data folder archive (`Database.dumpDataDir`) instead of an empty cluster,
   * skipping initdb and the PostGIS install script (about 10 s). In memory, or into a folder that holds no database.
   */
  loadDataDir?: Blob | undefined
  /** Pool size for the server backend. */
  poolMax?: number | undefined
  /**
   * Statement timeout in milliseconds (default 30 s). Set on both backends; PGlite has no timer signals, so
   * the embedded backend records the setting without being able to cancel a statement.
   */
  statementTimeoutMs?: number | undefined
  /** Statement timeout in milliseconds for map-tile statements on the server backend. */
  tileStatementTimeoutMs?: number | undefined
}

export interface Database {
  knex: Knex
  /**
   * Server backend only: a pool for map-tile statements, set up per connection as read-only, without parallel
   * plans (they make z13–z15 tiles 5–20× slower) and under a short statement timeout, so a tile needs no
   * transaction or SET of its own.
   */
  tileKnex?: Knex | undefined
  capabilities: Capabilities
  /** Embedded only: the data folder as a gzipped archive, which `loadDataDir` opens again. */
  dumpDataDir?: (() => Promise<Blob>) | undefined
  close(): Promise<void>
}

const NUMERIC_OID = 1700
const INT8_OID = 20

// Counts (int8) and money (numeric) arrive as strings by default; every figure we store fits a double exactly.
pg.types.setTypeParser(INT8_OID, (v) => Number(v))
pg.types.setTypeParser(NUMERIC_OID, (v) => Number.parseFloat(v))

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openServer(options.databaseUrl, options)
    : openEmbedded(
        options.dataDir ?? '.data/pglite',
        options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
        options.loadDataDir,
      )
}

const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000

async function openServer(url: string, options: DatabaseOptions): Promise<Database> {
  const poolMax = options.poolMax ?? 10
  const timeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: url, statement_timeout: timeout, application_name: 'renewal-atlas' },
    pool: { min: 0, max: poolMax },
  })
  try {
    await ensurePostgis(knex)
    const capabilities = await detectCapabilities(knex, 'server', poolMax)
    const tileKnex = knexFactory({
      client: 'pg',
      connection: {
        connectionString: url,
        application_name: 'renewal-atlas-tiles',
        options: `-c max_parallel_workers_per_gather=0 -c default_transaction_read_only=on -c statement_timeout=${options.tileStatementTimeoutMs ?? 10_000}`,
      },
      pool: { min: 0, max: poolMax },
    })
    return finish(knex, capabilities, tileKnex)
  } catch (error) {
    await knex.destroy()
    throw error
  }
}

async function ensurePostgis(knex: Knex): Promise<void> {
  const installed = await knex.raw<{ rows: unknown[] }>(
    "select 1 from pg_extension where extname = 'postgis'",
  )
  if (installed.rows.length > 0) return
  const available = await knex.raw<{ rows: unknown[] }>(
    "select 1 from pg_available_extensions where name = 'postgis'",
  )
  if (available.rows.length === 0)
    throw new PostgisMissingError('the postgis extension is not installed on the server')
  try {
    await knex.raw('create extension if not exists postgis')
  } catch (error) {
    throw new PostgisMissingError(`CREATE EXTENSION postgis failed: ${(error as Error).message}`)
  }
}

async function openEmbedded(
  dataDir: string,
  statementTimeoutMs: number,
  loadDataDir: Blob | undefined,
): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://')
  if (loadDataDir && !inMemory && existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new Error(`${dataDir} holds a database already; an archive is loaded into a new folder only`)
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
    loadDataDir,
    extensions: { postgis },
    parsers: { [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number.parseFloat(v) },
  })
  const knex = knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: () => ({ pglite }),
  } as Knex.Config)
  try {
    await pglite.exec('create extension if not exists postgis')
    // PGlite is one session for its whole life, so a session-level setting covers every query.
    await pglite.query("select set_config('statement_timeout', $1, false)", [String(statementTimeoutMs)])
    const database = finish(knex, await detectCapabilities(knex, 'embedded', 1))
    database.dumpDataDir = async () => {
      // Everything in the table files first, so the copy opens without replaying the write-ahead log.
      await pglite.exec('checkpoint')
      return pglite.dumpDataDir('gzip')
    }
    return database
  } catch (error) {
    await knex.destroy() // closes the PGlite instance too
    throw error
  }
}

function finish(knex: Knex, capabilities: Capabilities, tileKnex?: Knex): Database {
  return {
    knex,
    tileKnex,
    capabilities,
    async close() {
      await Promise.all([knex.destroy(), tileKnex?.destroy()])
    },
  }
}
