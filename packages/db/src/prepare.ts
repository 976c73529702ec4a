// Bring a database to a ready state: migrate, then load the demo district on first start.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { JINJIANG_FACTS } from '@renewal-atlas/domain'
import type { Database } from './connect.ts'
import { migrateToLatest } from './migrate.ts'
import { isDatasetLoaded, type LoadCounts, loadDataset } from './seed/load-dataset.ts'

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
  let loaded: LoadCounts | null = null
  if (options.loadDemo !== false && !(await isDatasetLoaded(db.knex, JINJIANG_FACTS.districtCode))) {
    loaded = await loadDataset(db.knex, options.datasetDir ?? DEFAULT_DATASET_DIR)
  }
  return { migrationsApplied, loaded }
}
