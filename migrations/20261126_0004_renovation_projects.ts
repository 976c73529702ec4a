// Renovation projects, the compounds they cover, their items by category (基础/完善/提升/安全) and funding by source.
import type { Knex } from 'knex'
import { editableColumns } from './helpers.ts'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('renovation_projects', (t) => {
    editableColumns(knex, t)
    t.text('code').notNullable().unique()
    t.text('name').notNullable()
    t.enu('status', ['planned', 'under_way', 'completed']).notNullable().defaultTo('planned')
    t.date('start_date')
    t.date('completion_date')
    t.decimal('budget_yuan', 14, 2).notNullable().defaultTo(0)
    t.boolean('synthetic').notNullable().defaultTo(false)
    t.check('?? >= 0', ['budget_yuan'], 'renovation_projects_budget_non_negative')
    t.check(
      '?? is null or ?? is null or ?? <= ??',
      ['start_date', 'completion_date', 'start_date', 'completion_date'],
      'renovation_projects_dates_ordered',
    )
  })

  await knex.schema.createTable('renovation_project_compounds', (t) => {
    t.integer('project_id').notNullable().references('id').inTable('renovation_projects').onDelete('cascade')
    t.integer('compound_id').notNullable().references('id').inTable('compounds').onDelete('cascade')
    t.primary(['project_id', 'compound_id'])
    t.index(['compound_id'])
  })

  await knex.schema.createTable('renovation_items', (t) => {
    editableColumns(knex, t)
    t.integer('project_id').notNullable().references('id').inTable('renovation_projects').onDelete('cascade')
    t.enu('category', ['basic', 'improvement', 'upgrade', 'safety']).notNullable()
    t.text('item_type').notNullable()
    t.text('description')
    t.double('quantity')
    t.text('unit')
    t.decimal('cost_yuan', 14, 2).notNullable().defaultTo(0)
    t.check('?? >= 0', ['cost_yuan'], 'renovation_items_cost_non_negative')
    t.index(['project_id'])
  })

  await knex.schema.createTable('project_funding', (t) => {
    t.integer('project_id').notNullable().references('id').inTable('renovation_projects').onDelete('cascade')
    t.enu('source', ['fiscal', 'enterprise', 'residents', 'social_capital']).notNullable()
    t.decimal('amount_yuan', 14, 2).notNullable()
    t.primary(['project_id', 'source'])
    t.check('?? >= 0', ['amount_yuan'], 'project_funding_amount_non_negative')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('project_funding')
  await knex.schema.dropTable('renovation_items')
  await knex.schema.dropTable('renovation_project_compounds')
  await knex.schema.dropTable('renovation_projects')
}
