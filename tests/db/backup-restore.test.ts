// The backup and restore procedures of docs/operations.md, run for real: a server database dumped with pg_dump and
// restored with pg_restore (by the database administrator, and by the application's own role), and an embedded data
// folder copied while stopped (tar) or archived with `npm run atlas -- backup` / `restore`. Each restored database is
// opened by the product and must hold every row of every table, the edited and the deleted compound with their
// history, the user's password, session and token, and take new edits.
import { execFile, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { type createLogger, type RunningServer, startServer } from '@renewal-atlas/api'
import { type Database, openDatabase, prepareDatabase } from '@renewal-atlas/db'
import {
  apiTokenCreated,
  compoundFeatureResponse,
  compoundHistoryResponse,
  deletedCompoundPage,
  sessionResponse,
} from '@renewal-atlas/domain'
import knexFactory, { type Knex } from 'knex'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { atlasInProcess } from '../support/atlas-cli.ts'
import { bearer, type Credentials, createUser, signIn } from '../support/auth.ts'
import { createTestDatabase, embeddedTemplate, type TestDatabase } from '../support/backends.ts'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')
const EDITED_NAME = '备份恢复测试小区'
const silent = () => pino({ level: 'silent' }) as unknown as ReturnType<typeof createLogger>

/** Everything a backup must bring back, read from the source before it is backed up. */
interface Fixture {
  admin: Credentials
  /** `atlas_session=…` of a browser signed in before the backup. */
  cookie: string
  token: string
  editedId: number
  /** The edited compound's ETag after the edit: `"2"`. */
  editedEtag: string
  deletedId: number
  /** GET /api/v1/stats/summary: live SQL over the restored tables. */
  summary: unknown
  snapshot: Snapshot
}

/** Per table of the public schema: its row count and a digest of all its rows; and the schema itself. */
interface Snapshot {
  rows: Record<string, { count: number; digest: string }>
  columns: string[]
  indexes: string[]
  views: string[]
}

async function snapshotOf(knex: Knex): Promise<Snapshot> {
  const tables = (
    await knex.raw<{ rows: { name: string }[] }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by 1",
    )
  ).rows.map((r) => r.name)
  const rows: Snapshot['rows'] = {}
  for (const table of tables) {
    // Row text of every column (geometry as EWKB hex), sorted, so any changed value changes the digest.
    const { rows: found } = await knex.raw<{ rows: { count: number; digest: string }[] }>(
      "select count(*)::int as count, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ?? t",
      [table],
    )
    rows[table] = found[0] as { count: number; digest: string }
  }
  const columns = await knex.raw<{ rows: { c: string }[] }>(
    `select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
              || case when a.attnotnull then ' not null' else '' end as c
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'v') and a.attnum > 0 and not a.attisdropped
      order by 1`,
  )
  const indexes = await knex.raw<{ rows: { i: string }[] }>(
    "select indexdef as i from pg_indexes where schemaname = 'public' order by 1",
  )
  const views = await knex.raw<{ rows: { v: string }[] }>(
    "select viewname || ': ' || definition as v from pg_views where schemaname = 'public' order by 1",
  )
  return {
    rows,
    columns: columns.rows.map((r) => r.c),
    indexes: indexes.rows.map((r) => r.i),
    views: views.rows.map((r) => r.v),
  }
}

const serve = (db: Database) =>
  startServer({ port: 0, host: '127.0.0.1', db, logger: silent(), webDist: undefined, publicRead: false })

/**
 * On a freshly prepared database: an administrator (made as `user:create` makes one) signs in, renames one compound
 * and deletes another through the API, and makes a personal access token. Returns what a restore must bring back.
 */
async function makeChanges(server: RunningServer): Promise<Omit<Fixture, 'snapshot'>> {
  const { db, url } = server
  const admin = await createUser(db, { role: 'admin', username: 'backup-admin' })
  const browser = await signIn(server, admin)
  const [editedId, deletedId] = (await db.knex('compounds').orderBy('id').limit(2).pluck('id')).map(Number)
  if (!editedId || !deletedId) throw new Error('the demo data has no compounds')

  const read = await browser.fetch(`/api/v1/compounds/${editedId}`)
  expect(read.status).toBe(200)
  const edited = await browser.fetch(`/api/v1/compounds/${editedId}`, {
    method: 'PATCH',
    headers: { 'If-Match': read.headers.get('etag') as string },
    json: { name: EDITED_NAME },
  })
  expect(edited.status, await edited.clone().text()).toBe(200)
  const editedEtag = edited.headers.get('etag') as string
  expect(editedEtag).toBe('"2"')

  const toDelete = await browser.fetch(`/api/v1/compounds/${deletedId}`)
  const deleted = await browser.fetch(`/api/v1/compounds/${deletedId}`, {
    method: 'DELETE',
    headers: { 'If-Match': toDelete.headers.get('etag') as string },
  })
  expect(deleted.status).toBe(204)

  const created = await browser.fetch('/api/v1/tokens', { method: 'POST', json: { name: 'QGIS 备份测试' } })
  expect(created.status).toBe(201)
  const { token } = apiTokenCreated.parse(await created.json())

  const summary = await fetch(`${url}/api/v1/stats/summary`, { headers: bearer(token) })
  expect(summary.status).toBe(200)
  return {
    admin,
    cookie: browser.cookie,
    token,
    editedId,
    editedEtag,
    deletedId,
    summary: await summary.json(),
  }
}

/**
 * The restored database, opened by the product: same rows and schema as the source, nothing to migrate or load,
 * and the edits, history, deletion, password, session and token all work; new edits get new ids.
 */
async function expectRestored(db: Database, fixture: Fixture): Promise<void> {
  expect(await snapshotOf(db.knex)).toEqual(fixture.snapshot)
  expect(await prepareDatabase(db)).toEqual({ migrationsApplied: [], loaded: null })

  const server = await serve(db)
  try {
    expect(server.demoAccounts).toEqual([])
    const asToken = (p: string, init: RequestInit = {}) =>
      fetch(`${server.url}${p}`, { ...init, headers: { ...bearer(fixture.token), ...init.headers } })

    const token = sessionResponse.parse(await (await asToken('/api/v1/auth/session')).json())
    expect(token).toMatchObject({ authenticated: true, via: 'token', user: { username: 'backup-admin' } })
    const cookie = await fetch(`${server.url}/api/v1/auth/session`, { headers: { cookie: fixture.cookie } })
    expect(sessionResponse.parse(await cookie.json())).toMatchObject({
      authenticated: true,
      via: 'session',
      user: { username: 'backup-admin' },
    })

    const compound = await asToken(`/api/v1/compounds/${fixture.editedId}`)
    expect(compound.status).toBe(200)
    expect(compound.headers.get('etag')).toBe(fixture.editedEtag)
    expect(compoundFeatureResponse.parse(await compound.json()).properties.name).toBe(EDITED_NAME)
    const history = compoundHistoryResponse.parse(
      await (await asToken(`/api/v1/compounds/${fixture.editedId}/history`)).json(),
    )
    expect(history.entries).toHaveLength(1)
    expect(history.entries[0]).toMatchObject({
      action: 'update',
      user: { username: 'backup-admin' },
      changedFields: ['name'],
      after: { properties: { name: EDITED_NAME } },
    })

    expect((await asToken(`/api/v1/compounds/${fixture.deletedId}`)).status).toBe(404)
    const deleted = deletedCompoundPage.parse(await (await asToken('/api/v1/deleted-compounds')).json())
    expect(deleted.features.map((f) => f.properties.id)).toEqual([fixture.deletedId])
    expect(deleted.features[0]?.properties.deletedBy?.username).toBe('backup-admin')

    expect(await (await asToken('/api/v1/stats/summary')).json()).toEqual(fixture.summary)

    // The password signs in, and a new edit gets the next version and a new history entry: sequences came back too.
    const browser = await signIn(server, fixture.admin)
    const again = await browser.fetch(`/api/v1/compounds/${fixture.editedId}`, {
      method: 'PATCH',
      headers: { 'If-Match': fixture.editedEtag },
      json: { name: `${EDITED_NAME}二` },
    })
    expect(again.status, await again.clone().text()).toBe(200)
    expect(again.headers.get('etag')).toBe('"3"')
    const after = compoundHistoryResponse.parse(
      await (await asToken(`/api/v1/compounds/${fixture.editedId}/history`)).json(),
    )
    expect(after.entries.map((e) => e.action)).toEqual(['update', 'update'])
    expect(new Set(after.entries.map((e) => e.id)).size).toBe(2)
  } finally {
    await server.close()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Server: pg_dump -Fc, then pg_restore into a new database made with createdb and CREATE EXTENSION postgis.

/** The PostgreSQL client programs: on PATH, or in the newest /usr/lib/postgresql/<major>/bin. */
function findClientTools(): ((tool: string) => string) | undefined {
  const works = (program: string) => {
    try {
      execFileSync(program, ['--version'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  }
  if (works('pg_dump')) return (tool) => tool
  const base = '/usr/lib/postgresql'
  const majors = existsSync(base)
    ? readdirSync(base)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : []
  for (const major of majors) {
    const bin = path.join(base, major, 'bin')
    if (works(path.join(bin, 'pg_dump'))) return (tool) => path.join(bin, tool)
  }
  return undefined
}

const serverUrl = process.env.TEST_DATABASE_URL
const tool = serverUrl ? findClientTools() : undefined
const serverSkipReason = !serverUrl
  ? 'TEST_DATABASE_URL is not set'
  : !tool
    ? 'pg_dump is neither on PATH nor in /usr/lib/postgresql/*/bin'
    : undefined

const urlOf = (db: Database) =>
  (db.knex.client as { config: { connection: { connectionString: string } } }).config.connection
    .connectionString

const withDatabase = (url: string, name: string) => {
  const next = new URL(url)
  next.pathname = `/${name}`
  return next.toString()
}

if (serverSkipReason) {
  describe('a server database backed up with pg_dump', () => {
    it.skip(`is restored with pg_restore — skipped: ${serverSkipReason}`, () => {})
  })
} else {
  const adminUrl = serverUrl as string
  const bin = tool as (name: string) => string

  describe('a server database backed up with pg_dump', () => {
    let source: TestDatabase
    let fixture: Fixture
    let workDir: string
    const made: { databases: string[]; roles: string[] } = { databases: [], roles: [] }
    let admin: Knex
    /** The documented restore is the PostgreSQL administrator's job: it needs TEST_DATABASE_URL's user to be one. */
    let superuser = false

    beforeAll(async () => {
      workDir = mkdtempSync(path.join(tmpdir(), 'atlas-pgdump-'))
      admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } })
      const me = await admin.raw<{ rows: { rolsuper: boolean }[] }>(
        'select rolsuper from pg_roles where rolname = current_user',
      )
      superuser = me.rows[0]?.rolsuper === true
      source = await createTestDatabase('server', { demo: true })
      const server = await serve(source.db)
      try {
        const changes = await makeChanges(server)
        fixture = { ...changes, snapshot: await snapshotOf(source.db.knex) }
      } finally {
        await server.close()
      }
    }, 300_000)

    afterAll(async () => {
      for (const name of made.databases) await admin?.raw('drop database if exists ?? with (force)', [name])
      for (const role of made.roles) await admin?.raw('drop role if exists ??', [role])
      await admin?.destroy()
      await source?.dispose()
      if (workDir) rmSync(workDir, { recursive: true, force: true })
    })

    /** `createdb -O owner name` and `CREATE EXTENSION postgis` in it, as the administrator (docs/operations.md). */
    async function createTarget(owner?: string): Promise<string> {
      const name = `atlas_restore_${randomBytes(5).toString('hex')}`
      made.databases.push(name)
      await run(bin('createdb'), [`--maintenance-db=${adminUrl}`, ...(owner ? ['-O', owner] : []), name])
      await run(bin('psql'), [
        withDatabase(adminUrl, name),
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        'CREATE EXTENSION postgis',
      ])
      return name
    }

    it('is restored whole by the database administrator with pg_restore --single-transaction', async (context) => {
      if (!superuser) context.skip('the TEST_DATABASE_URL user is not a superuser, as the restore needs')
      const dump = path.join(workDir, 'atlas.dump')
      // Taken from the source while nothing else writes; pg_dump reads one consistent snapshot either way.
      await run(bin('pg_dump'), ['--format=custom', `--file=${dump}`, urlOf(source.db)])
      const target = await createTarget()
      await run(bin('pg_restore'), [
        `--dbname=${withDatabase(adminUrl, target)}`,
        '--single-transaction',
        dump,
      ])
      const db = await openDatabase({ databaseUrl: withDatabase(adminUrl, target), poolMax: 4 })
      try {
        await expectRestored(db, fixture)
      } finally {
        await db.close()
      }
    })

    it("is restored whole by the application's own role, without superuser rights", async (context) => {
      if (!superuser)
        context.skip('the TEST_DATABASE_URL user is not a superuser, so it may not make the role')

      const role = `atlas_app_${randomBytes(5).toString('hex')}`
      const password = randomBytes(12).toString('hex')
      made.roles.push(role)
      // A role's password cannot be a bound parameter; this one is hex digits only.
      await admin.raw(`create role ?? login password '${password}'`, [role])
      const dump = path.join(workDir, 'atlas-app.dump')
      await run(bin('pg_dump'), [
        '--format=custom',
        '--exclude-table-data=public.spatial_ref_sys',
        `--file=${dump}`,
        urlOf(source.db),
      ])
      const target = await createTarget(role)
      const roleUrl = new URL(withDatabase(adminUrl, target))
      roleUrl.username = role
      roleUrl.password = password
      await run(bin('pg_restore'), [
        `--dbname=${roleUrl}`,
        '--no-owner',
        '--no-comments',
        '--single-transaction',
        dump,
      ])
      // The product runs as that role: it owns what it restored, so it may read, write and use the sequences.
      const db = await openDatabase({ databaseUrl: roleUrl.toString(), poolMax: 4 })
      try {
        await expectRestored(db, fixture)
      } finally {
        await db.close()
      }
    })
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Embedded: the stopped data folder copied with tar, or archived with `npm run atlas -- backup` and `restore`.

describe('an embedded data folder', () => {
  let workDir: string
  /** The RENEWAL_DATA_DIR the product made and the demo loaded into. */
  let dataRoot: string
  let fixture: Fixture

  // The commands run in this process, as `npm run atlas` runs them (tests/api/auth.test.ts runs the script itself).
  const atlas = (args: string[], env: NodeJS.ProcessEnv) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env }
    delete childEnv.DATABASE_URL
    return atlasInProcess(args, childEnv)
  }

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'atlas-embedded-backup-'))
    dataRoot = path.join(workDir, 'data')
    // The folder starts as the demo data the product loads on a first start (the run's template).
    const db = await openDatabase({
      dataDir: path.join(dataRoot, 'pglite'),
      loadDataDir: embeddedTemplate('demo'),
    })
    try {
      const server = await serve(db)
      try {
        const changes = await makeChanges(server)
        fixture = { ...changes, snapshot: await snapshotOf(db.knex) }
      } finally {
        await server.close()
      }
    } finally {
      await db.close()
    }
    // A clean stop leaves no lock file: the state every procedure starts from.
    expect(existsSync(path.join(dataRoot, 'pglite', 'postmaster.pid'))).toBe(false)
  }, 300_000)

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  it('is restored whole from a tar copy of the stopped folder', { timeout: 300_000 }, async () => {
    const archive = path.join(workDir, 'atlas-data.tar.gz')
    await run('tar', ['-czf', archive, '-C', dataRoot, '.'])
    const restoredRoot = path.join(workDir, 'from-tar')
    mkdirSync(restoredRoot)
    await run('tar', ['-xzf', archive, '-C', restoredRoot])
    const db = await openDatabase({ dataDir: path.join(restoredRoot, 'pglite') })
    try {
      await expectRestored(db, fixture)
    } finally {
      await db.close()
    }
  })

  it('is restored whole with npm run atlas -- backup and restore', { timeout: 300_000 }, async () => {
    const archive = path.join(workDir, 'atlas-backup.tar.gz')
    const backup = await atlas(['backup', '--out', archive], { RENEWAL_DATA_DIR: dataRoot })
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stdout).toMatch(/backed up .* \d+ users, 1188 compounds/)
    const restoredRoot = path.join(workDir, 'from-cli')
    const restore = await atlas(['restore', '--from', archive], { RENEWAL_DATA_DIR: restoredRoot })
    expect(restore.code, restore.stderr).toBe(0)
    expect(existsSync(path.join(restoredRoot, 'pglite', 'postmaster.pid'))).toBe(false)
    const db = await openDatabase({ dataDir: path.join(restoredRoot, 'pglite') })
    try {
      await expectRestored(db, fixture)
    } finally {
      await db.close()
    }
  })

  it('refuses to back up a folder that is open, or to restore over a database', {
    timeout: 300_000,
  }, async () => {
    const db = await openDatabase({ dataDir: path.join(dataRoot, 'pglite') })
    try {
      const busy = await atlas(['backup', '--out', path.join(workDir, 'busy.tar.gz')], {
        RENEWAL_DATA_DIR: dataRoot,
      })
      expect(busy.code).toBe(1)
      expect(busy.stderr).toMatch(/stop the server first/)
      expect(existsSync(path.join(workDir, 'busy.tar.gz'))).toBe(false)
    } finally {
      await db.close()
    }
    // The folder is checked before the archive is read: any file will do.
    const over = await atlas(['restore', '--from', path.join(ROOT, 'package.json')], {
      RENEWAL_DATA_DIR: dataRoot,
    })
    expect(over.code).toBe(1)
    expect(over.stderr).toMatch(/is not empty/)
    const notAnArchive = await atlas(['restore', '--from', path.join(ROOT, 'package.json')], {
      RENEWAL_DATA_DIR: path.join(workDir, 'from-nothing'),
    })
    expect(notAnArchive.code).toBe(1)
    expect(notAnArchive.stderr).toMatch(/not a whole gzip archive/)
  })
})
