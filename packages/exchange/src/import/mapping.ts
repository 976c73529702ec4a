// Field mapping (字段对应): which source column feeds which target field. Suggestions match a column to a field by its
// API name, its Shapefile (dbf) name, its Chinese or English label, or an alias, so our own exports map onto
// themselves and common Chinese survey tables (名称, 编码, 层数…) map without help. A remembered mapping is found
// again by the signature of the file's column set. Pure.
import {
  EXCHANGE_LAYERS,
  type FieldMapping,
  IMPORT_TARGETS,
  type ImportFieldSpec,
  type ImportTarget,
} from '@renewal-atlas/domain'

const normalize = (name: string) => name.normalize('NFKC').trim().toLowerCase()

/** A stable signature of a set of column names: order, case and surrounding spaces do not matter. */
export function columnSignature(columns: readonly string[]): string {
  const text = columns.map(normalize).sort().join('\u0000')
  return `${columns.length}:${fnv1a64(text)}`
}

/** 64-bit FNV-1a over the UTF-16 code units, as 16 hex digits. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i))
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return hash.toString(16).padStart(16, '0')
}

/** Names a column may carry for a field, strongest first: one list per matching pass. */
function namesOf(target: ImportTarget, field: ImportFieldSpec): string[][] {
  const exchange = EXCHANGE_LAYERS[target].fields.find((f) => f.name === field.name)
  return [
    [field.name],
    exchange ? [exchange.dbf] : [],
    [field.label.zh, field.label.en, exchange?.label.zh, exchange?.label.en].filter((n): n is string => !!n),
    [...field.aliases],
  ].map((names) => names.map(normalize))
}

/**
 * Suggests target field → source column for every field of the target (null when nothing matches). Matching runs in
 * passes (exact name, dbf name, labels, aliases) so a strong match is never taken by a weaker one; each column is
 * used once.
 */
export function suggestMapping(columns: readonly string[], target: ImportTarget): FieldMapping {
  const fields = IMPORT_TARGETS[target].fields
  const mapping: FieldMapping = Object.fromEntries(fields.map((f) => [f.name, null]))
  const used = new Set<string>()
  const candidates = fields.map((field) => namesOf(target, field))
  const passes = Math.max(...candidates.map((c) => c.length))
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, field] of fields.entries()) {
      if (mapping[field.name] !== null) continue
      const names = candidates[i]?.[pass] ?? []
      const column = columns.find((c) => !used.has(c) && names.includes(normalize(c)))
      if (column === undefined) continue
      mapping[field.name] = column
      used.add(column)
    }
  }
  return mapping
}
