// Area-wide plans (片区规划), scenarios of a base plan, and their measures (road widening, dead-end connection, ...).
import type { Knex } from 'knex'
import { addGeometryColumn, editableColumns } from './helpers.ts'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('plans', (t) => {
    editableColumns(knex, t)
    t.text('code').unique()
    t.text('name').notNullable()
    t.text('description')
    t.enu('status', ['draft', 'approved']).notNullable().defaultTo('draft')
    t.integer('base_plan_id').references('id').inTable('plans').onDelete('set null')
    t.integer('district_id').references('id').inTable('districts').onDelete('restrict')
  })
  await addGeometryColumn(knex, 'plans', 'MultiPolygon')

  await knex.schema.createTable('measures', (t) => {
    editableColumns(knex, t)
    t.integer('plan_id').notNullable().references('id').inTable('plans').onDelete('cascade')
    t.enu('measure_type', [
      'road_widening',
      'dead_end_connection',
      'pipe_replacement',
      'pipe_repair',
      'facade',
      'parking',
      'facility',
    ]).notNullable()
    t.text('name')
    t.jsonb('parameters').notNullable().defaultTo('{}')
    t.decimal('cost_yuan', 14, 2)
    t.jsonb('funding').notNullable().defaultTo('[]')
    t.index(['plan_id'])
  })
  await addGeometryColumn(knex, 'measures', 'Geometry')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('measures')
  await knex.schema.dropTable('plans')
}
