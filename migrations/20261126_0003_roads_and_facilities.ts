// Road centrelines (dead ends are derived from the graph, not stored) and service facilities.
import type { Knex } from 'knex'
import { addGeometryColumn, editableColumns } from './helpers.ts'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('roads', (t) => {
    editableColumns(knex, t)
    t.text('code').notNullable().unique()
    t.text('name')
    t.enu('road_class', ['arterial', 'secondary', 'branch', 'lane']).notNullable()
    t.double('red_line_width_m')
    t.double('carriageway_width_m')
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.check('?? is null or ?? > 0', ['red_line_width_m', 'red_line_width_m'], 'roads_red_line_positive')
    t.check(
      '?? is null or (?? > 0 and (?? is null or ?? <= ??))',
      [
        'carriageway_width_m',
        'carriageway_width_m',
        'red_line_width_m',
        'carriageway_width_m',
        'red_line_width_m',
      ],
      'roads_carriageway_within_red_line',
    )
    t.index(['road_class'])
  })
  await addGeometryColumn(knex, 'roads', 'LineString')

  await knex.schema.createTable('facilities', (t) => {
    editableColumns(knex, t)
    t.text('code').notNullable().unique()
    t.text('name').notNullable()
    t.enu('facility_type', [
      'vegetable_market',
      'elderly_care',
      'elderly_meals',
      'clinic',
      'kindergarten',
      'primary_school',
      'park',
      'activity_space',
      'parking',
      'ebike_charging',
    ]).notNullable()
    t.integer('capacity')
    t.double('floor_area_m2')
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.index(['facility_type'])
  })
  await addGeometryColumn(knex, 'facilities', 'Point')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('facilities')
  await knex.schema.dropTable('roads')
}
