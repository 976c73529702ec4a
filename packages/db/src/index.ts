export type { Backend, Capabilities } from './capabilities.ts'
export { databaseOptionsFromEnv } from './config.ts'
export { type Database, type DatabaseOptions, openDatabase } from './connect.ts'
export { ConfigurationError, PostgisMissingError } from './errors.ts'
export { type MigrationStatus, migrateDownAll, migrateToLatest, migrationStatus } from './migrate.ts'
export {
  CheckViolation,
  DatabaseError,
  ForeignKeyViolation,
  fromPgError,
  InternalDatabaseError,
  InvalidDataError,
  isGeometryFailure,
  NotNullViolation,
  QueryCanceled,
  TransactionConflict,
  UniqueViolation,
} from './pg-errors.ts'
export { DEFAULT_DATASET_DIR, prepareDatabase } from './prepare.ts'
export {
  isDatasetLoaded,
  type LoadCounts,
  loadDataset,
  loadDatasetOnce,
  readDataset,
} from './seed/load-dataset.ts'
export { envelope, geometryFromGeoJson, intersects, outlineFromGeoJson } from './spatial.ts'
export {
  makeThrowawayTemplate,
  openThrowawayDatabase,
  type ThrowawayDatabase,
  type ThrowawayOptions,
} from './throwaway.ts'
