// Preparing a database: the demo data loads whole or not at all, once, and a server without PostGIS says what to do.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  DEFAULT_DATASET_DIR,
  loadDataset,
  migrateToLatest,
  openDatabase,
  PostgisMissingError,
  prepareDatabase,
} from '@renewal-atlas/db'
import knexFactory from 'knex'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends, createTestDatabase, type TestDatabase } from '../support/backends.ts'

const countRows = async (test: TestDatabase, table: string) =>
  Number((await test.db.knex(table).count<{ n: number }[]>('* as n'))[0]?.n)

describe.each(backends)('preparing the %s database', (backend) => {
  let test: TestDatabase
  let brokenDir: string
  beforeAll(async () => {
    test = await createTestDatabase(backend)
    // A copy of the data set whose last file names a compound that does not exist.
    brokenDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-broken-'))
    cpSync(DEFAULT_DATASET_DIR, brokenDir, { recursive: true })
    const file = path.join(brokenDir, 'suggestions.geojson')
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/"compoundCode":"[^"]+"/, '"compoundCode":"C-NOWHERE"'),
    )
  })
  afterAll(async () => {
    rmSync(brokenDir, { recursive: true, force: true })
    await test?.dispose()
  })

  it('leaves nothing behind when a data set fails half-way through loading', async () => {
    await migrateToLatest(test.db.knex)
    await expect(loadDataset(test.db.knex, brokenDir)).rejects.toThrow(/unknown compound code C-NOWHERE/)
    for (const table of ['districts', 'streets', 'communities', 'compounds', 'buildings', 'roads']) {
      expect(await countRows(test, table), table).toBe(0)
    }
  })

  it('loads the demo data on first start and not again on the next', async () => {
    const first = await prepareDatabase(test.db)
    expect(first.loaded).toMatchObject({ streets: 11, communities: 76, compounds: 1189 })
    expect(await countRows(test, 'buildings')).toBe(first.loaded?.buildings)
    const second = await prepareDatabase(test.db)
    expect(second).toEqual({ migrationsApplied: [], loaded: null })
    expect(await countRows(test, 'compounds')).toBe(1189)
  })

  it('keeps each compound’s buildings and households consistent after loading', async () => {
    // compounds is a view (no primary key), so grouping by its id does not cover its other columns: list them.
    const mismatched = await test.db.knex.raw<{ rows: unknown[] }>(
      `select c.code from compounds c left join buildings b on b.compound_id = c.id
       group by c.id, c.code, c.building_count, c.households
       having count(b.id) <> c.building_count or coalesce(sum(b.households), 0) <> c.households`,
    )
    expect(mismatched.rows).toEqual([])
  })
})

describe.skipIf(!process.env.TEST_DATABASE_URL)('a server database without PostGIS', () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? ''
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } })
  const suffix = Math.random().toString(16).slice(2, 10)
  const role = `atlas_nopostgis_${suffix}`
  const database = `atlas_nopostgis_${suffix}`

  afterAll(async () => {
    await admin.raw('drop database if exists ?? with (force)', [database])
    await admin.raw('drop role if exists ??', [role])
    await admin.destroy()
  })

  it('refuses to start with a message that says how to install PostGIS', async () => {
    // An ordinary role may not create the (untrusted) postgis extension, just as on a server without the package.
    await admin.raw('create role ?? login', [role])
    await admin.raw('create database ?? owner ??', [database, role])
    const url = new URL(adminUrl)
    url.username = role
    url.pathname = `/${database}`
    const opening = openDatabase({ databaseUrl: url.toString() })
    await expect(opening).rejects.toBeInstanceOf(PostgisMissingError)
    await expect(opening).rejects.toThrow(/apt-get install postgresql-15-postgis-3/)
    await expect(opening).rejects.toThrow(/CREATE EXTENSION postgis/)
  })
})
