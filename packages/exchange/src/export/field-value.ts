// A feature's value for a field of the catalogue, as the tabular writers (CSV, dBASE) read it.
import type { ExportFeature } from '../types.ts'

/** The property of that name; a missing property is null, except `id`, which is the feature's own id. */
export function fieldValue(feature: ExportFeature, name: string): string | number | boolean | null {
  const value = feature.properties[name]
  if (value !== undefined) return value
  return name === 'id' ? feature.id : null
}
