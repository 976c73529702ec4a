// Runs the schema migrations in migrations/ through knex's migrator, on either backend.
import type { Knex } from 'knex'
import { type Migration, migrations } from '../../../migrations/index.ts'

const source: Knex.MigrationSource<Migration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
}

const config: Knex.MigratorConfig = { migrationSource: source, tableName: 'knex_migrations' }

export interface MigrationStatus {
  applied: string[]
  pending: string[]
  latest: string | null
}

export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest(config)) as [number, string[]]
  return applied
}

/** Undo every applied migration, newest first. */
export async function migrateDownAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback(config, true)
}

export async function migrationStatus(knex: Knex): Promise<MigrationStatus> {
  const [completed, pending] = (await knex.migrate.list(config)) as [{ name: string }[], Migration[]]
  const applied = completed.map((m) => m.name)
  return { applied, pending: pending.map((m) => m.name), latest: applied.at(-1) ?? null }
}
