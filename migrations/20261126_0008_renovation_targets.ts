// Renovation targets (改造目标) of a district, e.g. "every register compound renovated by the end of 2027":
// settings the progress statistics draw their target line from.
import type { Knex } from 'knex'
import { editableColumns } from './helpers.ts'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('renovation_targets', (t) => {
    editableColumns(knex, t)
    t.integer('district_id').notNullable().references('id').inTable('districts').onDelete('restrict')
    // The target is due by the end of this year.
    t.smallint('target_year').notNullable().checkBetween([1949, 2100], 'renovation_targets_year_range')
    // Share of the old-compound register to be renovated by then, 0–1.
    t.double('old_compound_share').notNullable()
    t.text('name').notNullable()
    t.text('name_en').notNullable()
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.index(['district_id', 'target_year'])
    t.check(
      '?? >= 0 and ?? <= 1',
      ['old_compound_share', 'old_compound_share'],
      'renovation_targets_share_0_1',
    )
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('renovation_targets')
}
