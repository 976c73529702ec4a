// The schema migrates up, down and up again on every backend, and its constraints hold.
import { migrateDownAll, migrateToLatest, migrationStatus } from '@renewal-atlas/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../migrations/index.ts'
import { backends, createTestDatabase, type TestDatabase } from './support/backends.ts'

const domainTables = [
  'districts',
  'streets',
  'communities',
  // live compounds are the view `compounds` over this table (soft delete, migration 0010)
  'compound_records',
  'buildings',
  'roads',
  'facilities',
  'renovation_projects',
  'renovation_project_compounds',
  'renovation_items',
  'project_funding',
  'renovation_targets',
  'plans',
  'measures',
  'health_findings',
  'suggestions',
  'roles',
  'users',
  'audit_entries',
  'user_streets',
  'sessions',
  'api_tokens',
  'imports',
  'import_rows',
  'import_mappings',
]

describe.each(backends)('migrations on the %s backend', (backend) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(backend)
  })
  afterAll(async () => {
    await test?.dispose()
  })

  async function tables(): Promise<string[]> {
    const result = await test.db.knex.raw<{ rows: { table_name: string }[] }>(
      "select table_name from information_schema.tables where table_schema = current_schema() and table_name not like 'knex_%' and table_type = 'BASE TABLE' and table_name <> 'spatial_ref_sys' order by 1",
    )
    return result.rows.map((r) => r.table_name)
  }

  it('migrates up, down and up again, ending with every domain table and nothing pending', async () => {
    const knex = test.db.knex
    expect(await migrateToLatest(knex)).toHaveLength(migrations.length)
    expect(await tables()).toEqual([...domainTables].sort())

    await migrateDownAll(knex)
    expect(await tables()).toEqual([])
    expect((await migrationStatus(knex)).applied).toEqual([])

    await migrateToLatest(knex)
    expect(await tables()).toEqual([...domainTables].sort())
    const status = await migrationStatus(knex)
    expect(status.pending).toEqual([])
    expect(status.latest).toBe(migrations.at(-1)?.name)
  })

  it('stores geometry as SRID 4326 with a GiST index on every spatial table', async () => {
    const columns = await test.db.knex.raw<{ rows: { f_table_name: string; srid: number; type: string }[] }>(
      'select f_table_name, srid, type from geometry_columns where f_table_schema = current_schema() order by 1',
    )
    expect(columns.rows.map((r) => r.f_table_name)).toEqual([
      'buildings',
      'communities',
      'compound_records',
      'compounds',
      'districts',
      'facilities',
      'health_findings',
      'measures',
      'plans',
      'roads',
      'streets',
      'suggestions',
    ])
    expect(new Set(columns.rows.map((r) => r.srid))).toEqual(new Set([4326]))
    const indexes = await test.db.knex.raw<{ rows: { tablename: string }[] }>(
      "select tablename from pg_indexes where schemaname = current_schema() and indexdef ilike '%using gist%'",
    )
    // The view `compounds` is indexed through its table compound_records.
    expect(indexes.rows.map((r) => r.tablename).sort()).toEqual(
      columns.rows.map((r) => r.f_table_name).filter((name) => name !== 'compounds'),
    )
  })

  it('refuses an invalid geometry and a geometry in another SRID', async () => {
    const knex = test.db.knex
    const [district] = await knex('districts')
      .insert({
        code: '999999',
        name: '测试区',
        name_en: 'Test',
        geom: knex.raw("ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))', 4326)"),
      })
      .returning('id')
    const bowtie = knex('streets').insert({
      code: '999999001',
      name: '自交街道',
      district_id: district.id,
      geom: knex.raw("ST_GeomFromText('MULTIPOLYGON(((0 0,1 1,1 0,0 1,0 0)))', 4326)"),
    })
    await expect(bowtie).rejects.toThrow(/streets_geom_valid/)
    const otherSrid = knex('streets').insert({
      code: '999999002',
      name: '投影街道',
      district_id: district.id,
      geom: knex.raw("ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))', 4544)"),
    })
    await expect(otherSrid).rejects.toThrow(/SRID/i)
    await knex('districts').where({ id: district.id }).delete()
  })

  it('keeps renovation targets to a share of 0–1 of the register and a year within 1949–2100', async () => {
    const knex = test.db.knex
    const [district] = await knex('districts')
      .insert({
        code: '999998',
        name: '目标区',
        name_en: 'Targets',
        geom: knex.raw("ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))', 4326)"),
      })
      .returning('id')
    const target = (year: number, share: number) =>
      knex('renovation_targets').insert({
        district_id: district.id,
        target_year: year,
        old_compound_share: share,
        name: '测试目标',
        name_en: 'Test target',
      })
    await target(2027, 1)
    await expect(target(2027, 1.5)).rejects.toThrow(/renovation_targets_share_0_1/)
    await expect(target(2027, -0.1)).rejects.toThrow(/renovation_targets_share_0_1/)
    await expect(target(1800, 0.5)).rejects.toThrow(/renovation_targets_year_range/)
    await expect(knex('districts').where({ id: district.id }).delete()).rejects.toThrow(/foreign key/i)
    await knex('renovation_targets').where({ district_id: district.id }).delete()
    await knex('districts').where({ id: district.id }).delete()
  })
})
