// Attribute bags of source features: created without a prototype, with column names that could reach object
// prototypes refused outright, and values held to IMPORT_LIMITS (a value too long is cut and reported).
import { IMPORT_LIMITS, type ImportIssue, issueOf, ReasonValueTooLong } from '@renewal-atlas/domain'
import { FileRejected, type FileRejectionCode } from '../errors.ts'
import { count } from './words.ts'

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export function newPropertyBag(): Record<string, unknown> {
  return Object.create(null)
}

/** Refuses a column set that is unsafe or over the limit: `what` names the file part, e.g. "buildings.dbf". */
export function checkColumnNames(columns: readonly string[], code: FileRejectionCode, what: string): void {
  if (columns.length > IMPORT_LIMITS.maxProperties) {
    throw new FileRejected(
      code,
      `${what} has ${count(columns.length)} columns (limit ${IMPORT_LIMITS.maxProperties})`,
    )
  }
  const seen = new Set<string>()
  for (const [i, column] of columns.entries()) {
    if (FORBIDDEN_KEYS.has(column)) {
      throw new FileRejected(code, `${what} has a column named "${column}", which is not allowed`)
    }
    if (column === '') throw new FileRejected(code, `${what}: column ${i + 1} has no name`)
    if (seen.has(column)) throw new FileRejected(code, `${what} has two columns named "${column}"`)
    seen.add(column)
  }
}

/** A value as kept: strings longer than maxValueLength are cut, with an issue on the feature. */
export function boundedValue(value: unknown, column: string, issues: ImportIssue[]): unknown {
  if (typeof value !== 'string' || value.length <= IMPORT_LIMITS.maxValueLength) return value
  issues.push(
    issueOf(ReasonValueTooLong, {
      field: column,
      length: value.length,
      limit: IMPORT_LIMITS.maxValueLength,
    }),
  )
  return value.slice(0, IMPORT_LIMITS.maxValueLength)
}
