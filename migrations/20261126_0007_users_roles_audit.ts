// Accounts, roles and the audit log of who changed which record, before and after.
import type { Knex } from 'knex'
import { editableColumns } from './helpers.ts'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('roles', (t) => {
    t.text('code').primary()
    t.text('name_zh').notNullable()
    t.text('name_en').notNullable()
  })
  await knex('roles').insert([
    { code: 'admin', name_zh: '管理员', name_en: 'Administrator' },
    { code: 'planner', name_zh: '规划人员', name_en: 'Planner' },
    { code: 'leadership', name_zh: '领导', name_en: 'Leadership' },
    { code: 'design_institute', name_zh: '设计院', name_en: 'Design institute' },
    { code: 'viewer', name_zh: '只读用户', name_en: 'Viewer' },
  ])

  await knex.schema.createTable('users', (t) => {
    editableColumns(knex, t)
    t.text('username').notNullable().unique()
    t.text('display_name')
    t.text('password_hash')
    t.text('role_code').notNullable().references('code').inTable('roles').onDelete('restrict')
    t.boolean('active').notNullable().defaultTo(true)
  })

  await knex.schema.createTable('audit_entries', (t) => {
    t.bigIncrements('id').primary()
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.integer('user_id').references('id').inTable('users').onDelete('set null')
    t.enu('action', ['create', 'update', 'delete', 'restore', 'import']).notNullable()
    t.text('entity_type').notNullable()
    t.text('entity_id').notNullable()
    t.jsonb('before')
    t.jsonb('after')
    t.index(['entity_type', 'entity_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_entries')
  await knex.schema.dropTable('users')
  await knex.schema.dropTable('roles')
}
