// Residential compounds (小区/院落) with their renovation status, and their buildings (楼栋).
import type { Knex } from 'knex'
import { addGeometryColumn, editableColumns, RENOVATION_STATUSES } from './helpers.ts'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('compounds', (t) => {
    editableColumns(knex, t)
    t.text('code').notNullable().unique()
    t.text('name').notNullable()
    t.text('address')
    t.integer('community_id').notNullable().references('id').inTable('communities').onDelete('restrict')
    t.smallint('built_year').checkBetween([1900, 2100])
    t.integer('building_count').notNullable().defaultTo(0)
    t.integer('households').notNullable().defaultTo(0)
    t.integer('residents').notNullable().defaultTo(0)
    t.double('floor_area_m2')
    t.enu('management_type', [
      'property_company',
      'trust_property',
      'self_managed',
      'community_managed',
      'none',
    ])
    t.boolean('on_old_register').notNullable().defaultTo(false)
    t.enu('renovation_status', RENOVATION_STATUSES).notNullable().defaultTo('not_planned')
    t.smallint('renovation_year').checkBetween([1900, 2100])
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.index(['community_id'])
    t.index(['renovation_status'])
    t.check(
      '?? >= 0 and ?? >= 0 and ?? >= 0',
      ['building_count', 'households', 'residents'],
      'compounds_counts_non_negative',
    )
    t.check(
      "(?? = 'completed') = (?? is not null)",
      ['renovation_status', 'renovation_year'],
      'compounds_renovation_year_iff_completed',
    )
  })
  await addGeometryColumn(knex, 'compounds', 'Polygon')

  await knex.schema.createTable('buildings', (t) => {
    editableColumns(knex, t)
    t.text('code').notNullable().unique()
    t.integer('compound_id').notNullable().references('id').inTable('compounds').onDelete('cascade')
    t.text('name')
    t.smallint('storeys').checkBetween([1, 200])
    t.integer('households').notNullable().defaultTo(0)
    t.smallint('built_year').checkBetween([1900, 2100])
    t.boolean('has_lift').notNullable().defaultTo(false)
    t.enu('structure', ['brick_concrete', 'brick_wood', 'frame', 'shear_wall', 'frame_shear_wall'])
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.index(['compound_id'])
  })
  await addGeometryColumn(knex, 'buildings', 'Polygon')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('buildings')
  await knex.schema.dropTable('compounds')
}
