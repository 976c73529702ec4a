// Bring a database to a ready state: migrate, then load the demo district on first start.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { JINJIANG_FACTS } from '@renewal-atlas/domain'
import type { Database } from './connect.ts'
import { migrateToLatest } from './migrate.ts'
import { type LoadCounts, loadDatasetOnce } from './seed/load-dataset.ts'

export const DEFAULT_DATASET_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/jinjiang',
)

export interface PrepareResult {
  migrationsApplied: string[]
  loaded: LoadCounts | null
}

export async function prepareDatabase(
  db: Database,
  options: { datasetDir?: string; loadDemo?: boolean } = {},
): Promise<PrepareResult> {
  const migrationsApplied = await migrateToLatest(db.knex)
  const loaded: LoadCounts | null =
    options.loadDemo === false
      ? null
      : await loadDatasetOnce(db.knex, options.datasetDir ?? DEFAULT_DATASET_DIR, JINJIANG_FACTS.districtCode)
  return { migrationsApplied, loaded }
}
