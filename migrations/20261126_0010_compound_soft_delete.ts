// Soft delete of compounds (小区): the rows move to `compound_records` with `deleted_at`/`deleted_by`, and a view
// named `compounds` shows the live ones, so every reader (repositories, statistics, tile SQL, the loader) keeps
// working unchanged. The view is automatically updatable: inserts and updates through it reach compound_records
// with its column defaults and identity ids. A later migration that adds a column to compound_records recreates
// the view with it. The audit log learns the action 'undelete'.
import type { Knex } from 'knex'

/** The columns of `compounds` as migration 0002 made them, in their order: the view shows exactly these. */
const COMPOUND_COLUMNS = [
  'id',
  'version',
  'created_at',
  'updated_at',
  'code',
  'name',
  'address',
  'community_id',
  'built_year',
  'building_count',
  'households',
  'residents',
  'floor_area_m2',
  'management_type',
  'on_old_register',
  'renovation_status',
  'renovation_year',
  'synthetic',
  'geom',
]

const AUDIT_ACTIONS_BEFORE = ['create', 'update', 'delete', 'restore', 'import']
const AUDIT_ACTIONS = [...AUDIT_ACTIONS_BEFORE, 'undelete']

async function setAuditActions(knex: Knex, actions: string[]): Promise<void> {
  // DDL takes no bound values; the actions are the lower-case constants above, written as SQL literals.
  const literals = actions.map((action) => {
    if (!/^[a-z_]+$/.test(action)) throw new Error(`not an action name: ${action}`)
    return `'${action}'`
  })
  await knex.raw('alter table audit_entries drop constraint if exists audit_entries_action_check')
  await knex.raw(
    `alter table audit_entries add constraint audit_entries_action_check check (action in (${literals.join(', ')}))`,
  )
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.renameTable('compounds', 'compound_records')
  await knex.schema.alterTable('compound_records', (t) => {
    t.timestamp('deleted_at', { useTz: true })
    t.integer('deleted_by').references('id').inTable('users').onDelete('set null')
  })
  // The list of deleted compounds, newest first, without scanning the live ones.
  await knex.raw(
    'create index compound_records_deleted_at on compound_records (deleted_at desc) where deleted_at is not null',
  )
  await knex.raw(
    `create view compounds as select ${COMPOUND_COLUMNS.map(() => '??').join(', ')} from compound_records where deleted_at is null`,
    COMPOUND_COLUMNS,
  )
  await setAuditActions(knex, AUDIT_ACTIONS)
}

export async function down(knex: Knex): Promise<void> {
  // Soft-deleted compounds come back as ordinary rows: down keeps data rather than dropping it.
  await knex('audit_entries').where({ action: 'undelete' }).update({ action: 'restore' })
  await setAuditActions(knex, AUDIT_ACTIONS_BEFORE)
  await knex.raw('drop view compounds')
  await knex.raw('drop index compound_records_deleted_at')
  await knex.schema.alterTable('compound_records', (t) => {
    t.dropForeign(['deleted_by'])
    t.dropColumn('deleted_by')
    t.dropColumn('deleted_at')
  })
  await knex.schema.renameTable('compound_records', 'compounds')
}
