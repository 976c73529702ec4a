// District → street (街道) → community (社区): the administrative hierarchy with outlines.
import type { Knex } from 'knex'
import { addGeometryColumn, editableColumns } from './helpers.ts'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('districts', (t) => {
    editableColumns(knex, t)
    t.string('code', 6).notNullable().unique() // GB/T 2260
    t.text('name').notNullable()
    t.text('name_en').notNullable()
    t.double('official_area_km2')
    t.integer('resident_population')
    t.integer('service_population')
    t.smallint('old_compound_cutoff_year').notNullable().defaultTo(2000)
    t.jsonb('settings').notNullable().defaultTo('{}')
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.text('source')
  })
  await addGeometryColumn(knex, 'districts', 'MultiPolygon')

  await knex.schema.createTable('streets', (t) => {
    editableColumns(knex, t)
    t.string('code', 9).notNullable().unique()
    t.text('name').notNullable()
    t.integer('district_id').notNullable().references('id').inTable('districts').onDelete('restrict')
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.index(['district_id'])
  })
  await addGeometryColumn(knex, 'streets', 'MultiPolygon')

  await knex.schema.createTable('communities', (t) => {
    editableColumns(knex, t)
    t.string('code', 12).notNullable().unique()
    t.text('name').notNullable()
    t.text('official_name')
    t.integer('street_id').notNullable().references('id').inTable('streets').onDelete('restrict')
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.index(['street_id'])
  })
  await addGeometryColumn(knex, 'communities', 'MultiPolygon')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('communities')
  await knex.schema.dropTable('streets')
  await knex.schema.dropTable('districts')
}
