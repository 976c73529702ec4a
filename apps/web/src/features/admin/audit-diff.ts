// What an audit entry changed, as lines a person reads: for records kept as GeoJSON features (compounds) their
// properties, the outline as one line; for other records (users, tokens) their fields. Pure, tested beside it.

export interface AuditChange {
  key: string
  before: unknown
  after: unknown
}

function fieldsOf(record: unknown): Record<string, unknown> | null {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null
  const object = record as Record<string, unknown>
  if (object.type === 'Feature' && typeof object.properties === 'object' && object.properties !== null) {
    return { ...(object.properties as Record<string, unknown>), geometry: object.geometry }
  }
  return object
}

/** Bookkeeping that changes with every write and says nothing about the change. */
const ignored = new Set(['version', 'updatedAt', 'id'])

/**
 * The fields that differ between `before` and `after` (every field of the side that exists, for a create or a
 * delete), in the order the records list them.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = fieldsOf(before)
  const a = fieldsOf(after)
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !ignored.has(k))
  return keys
    .map((key) => ({
      key,
      before: b ? (b[key] ?? null) : undefined,
      after: a ? (a[key] ?? null) : undefined,
    }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after))
}
