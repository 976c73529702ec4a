// How the import wizard reads an uploaded file: the target, the coordinate system and encoding (detected unless
// overridden), CSV geometry columns and the field mapping, first as the server suggested them; and the
// ImportOptions the validate and commit requests send. Pure, so the rules are tested without a screen.
import {
  type FieldMapping,
  IMPORT_TARGETS,
  type ImportAnalysis,
  type ImportCrs,
  type ImportEncoding,
  type ImportFieldSpec,
  type ImportOptions,
  type ImportTarget,
} from '@renewal-atlas/domain'

export interface ImportSettings {
  target: ImportTarget
  crs: ImportCrs
  encoding: ImportEncoding
  /** CSV geometry columns; '' leaves the choice to the server (found by name). */
  lonColumn: string
  latColumn: string
  wktColumn: string
  /** target field → source column; a field absent or null is not imported. */
  mapping: FieldMapping
  skipInvalid: boolean
}

/** Only the fields of the target, each mapped to a column the file has. */
function mappingFor(analysis: ImportAnalysis, target: ImportTarget, mapping: FieldMapping): FieldMapping {
  const result: FieldMapping = {}
  for (const field of IMPORT_TARGETS[target].fields) {
    const column = mapping[field.name]
    if (column && analysis.columns.includes(column)) result[field.name] = column
  }
  return result
}

/** The settings a fresh upload starts from: detected systems, the geometry columns found, the suggested mapping. */
export function initialSettings(analysis: ImportAnalysis, target: ImportTarget): ImportSettings {
  return {
    target,
    crs: 'auto',
    encoding: 'auto',
    lonColumn: analysis.geometryColumns.lon ?? '',
    latColumn: analysis.geometryColumns.lat ?? '',
    wktColumn: analysis.geometryColumns.wkt ?? '',
    mapping: mappingFor(analysis, target, analysis.suggestedMappings[target] ?? {}),
    skipInvalid: false,
  }
}

/** Another target: its own suggested mapping, the rest kept. */
export function withTarget(
  settings: ImportSettings,
  analysis: ImportAnalysis,
  target: ImportTarget,
): ImportSettings {
  return {
    ...settings,
    target,
    mapping: mappingFor(analysis, target, analysis.suggestedMappings[target] ?? {}),
  }
}

/** The body of validate and commit. */
export function importOptionsOf(settings: ImportSettings, format: ImportAnalysis['format']): ImportOptions {
  const csv = format === 'csv'
  return {
    target: settings.target,
    crs: settings.crs,
    encoding: settings.encoding,
    mapping: settings.mapping,
    ...(csv && settings.lonColumn ? { lonColumn: settings.lonColumn } : {}),
    ...(csv && settings.latColumn ? { latColumn: settings.latColumn } : {}),
    ...(csv && settings.wktColumn ? { wktColumn: settings.wktColumn } : {}),
    skipInvalid: settings.skipInvalid,
  }
}

/** Required fields of the target that no column is mapped to (their features would all be invalid). */
export function unmappedRequired(settings: ImportSettings): ImportFieldSpec[] {
  return IMPORT_TARGETS[settings.target].fields.filter(
    (field) => field.required && !settings.mapping[field.name],
  )
}

/** The first rows' values of a column, as text, for the mapping table. */
export function sampleValues(analysis: ImportAnalysis, column: string | null | undefined): string[] {
  if (!column) return []
  return analysis.sample
    .map((row) => row[column])
    .filter((value) => value !== undefined && value !== null && value !== '')
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
}

/** A key for Idempotency-Key: a random UUID, or 32 random hex digits where randomUUID is missing (plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
