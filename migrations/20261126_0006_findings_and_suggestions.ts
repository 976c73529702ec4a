// Urban-health-check findings (体检问题) and residents' suggestions (居民意见).
import type { Knex } from 'knex'
import { addGeometryColumn, editableColumns } from './helpers.ts'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('health_findings', (t) => {
    editableColumns(knex, t)
    t.text('code').notNullable().unique()
    t.integer('compound_id').references('id').inTable('compounds').onDelete('set null')
    t.integer('building_id').references('id').inTable('buildings').onDelete('set null')
    t.text('indicator').notNullable()
    t.enu('severity', ['low', 'medium', 'high', 'critical']).notNullable()
    t.date('found_date').notNullable()
    t.enu('status', ['open', 'rectifying', 'resolved']).notNullable().defaultTo('open')
    t.enu('rectification', ['fix_by_deadline', 'as_resources_allow']).notNullable()
    t.integer('project_id').references('id').inTable('renovation_projects').onDelete('set null')
    t.text('description')
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.index(['compound_id'])
    t.index(['status'])
  })
  await addGeometryColumn(knex, 'health_findings', 'Point')

  await knex.schema.createTable('suggestions', (t) => {
    editableColumns(knex, t)
    t.text('code').notNullable().unique()
    t.integer('compound_id').notNullable().references('id').inTable('compounds').onDelete('cascade')
    t.enu('channel', ['night_talk', 'hearing', 'home_visit', 'phone', 'questionnaire']).notNullable()
    t.text('text').notNullable()
    t.text('category')
    t.enu('status', ['collected', 'consensus', 'project']).notNullable().defaultTo('collected')
    t.integer('project_id').references('id').inTable('renovation_projects').onDelete('set null')
    t.date('submitted_date')
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.index(['compound_id'])
  })
  await addGeometryColumn(knex, 'suggestions', 'Point', { nullable: true })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('suggestions')
  await knex.schema.dropTable('health_findings')
}
