// Attribute values of one source feature turned into a target's typed values (属性转换): numbers from numbers or
// numeric text, booleans from true/false/1/0/是/否/有/无/yes/no, coded values from the code or its Chinese or
// English label, each checked against the field's rules. Every problem is an issue naming the field. Pure.
import {
  type FieldMapping,
  IMPORT_TARGETS,
  type ImportFieldSpec,
  type ImportIssue,
  type ImportTarget,
  issueOf,
  type RangeUnit,
  ReasonNotACode,
  ReasonNotANumber,
  ReasonNotWholeNumber,
  ReasonNotYesNo,
  ReasonOutsideRange,
  ReasonRenovationYearMissing,
  ReasonRenovationYearNotCompleted,
  ReasonRequiredEmpty,
  ReasonRequiredNotMapped,
  UNITS,
} from '@renewal-atlas/domain'
import type { SourceFeature } from '../types.ts'

export type AttributeValue = string | number | boolean | null

const TRUE_WORDS = new Set(['true', 't', '1', 'yes', 'y', '是', '有', '√'])
const FALSE_WORDS = new Set(['false', 'f', '0', 'no', 'n', '否', '无', '没有', '×'])

/**
 * Values for every mapped field (null when its cell is empty; unmapped fields are absent) and the issues found:
 * missing_attribute, invalid_value, out_of_range.
 */
export function mapAttributes(
  feature: SourceFeature,
  target: ImportTarget,
  mapping: FieldMapping,
): { values: Record<string, AttributeValue>; issues: ImportIssue[] } {
  const values: Record<string, AttributeValue> = {}
  const issues: ImportIssue[] = []
  for (const field of IMPORT_TARGETS[target].fields) {
    const column = mapping[field.name] ?? null
    const raw =
      column === null
        ? undefined
        : Object.hasOwn(feature.properties, column)
          ? feature.properties[column]
          : undefined
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')
    if (empty) {
      if (column !== null) values[field.name] = null
      if (field.required) {
        issues.push(
          column === null
            ? issueOf(ReasonRequiredNotMapped, { field: field.name })
            : issueOf(ReasonRequiredEmpty, { field: field.name, column }),
        )
      }
      continue
    }
    const result = coerce(raw, field)
    if (typeof result === 'object' && result !== null) {
      issues.push(result)
      values[field.name] = null
    } else values[field.name] = result
  }
  if (target === 'compounds') checkRenovationYear(values, issues)
  return { values, issues }
}

function coerce(raw: unknown, field: ImportFieldSpec): AttributeValue | ImportIssue {
  const value = typeof raw === 'string' ? raw.trim().slice(0, 60) : String(raw)
  const at = { field: field.name, value }
  switch (field.type) {
    case 'string': {
      const text = String(raw).trim()
      if (!field.values) return text
      const code = codeOf(text, field.values)
      if (code !== null) return code
      return issueOf(ReasonNotACode, { ...at, allowed: Object.keys(field.values) })
    }
    case 'integer':
    case 'number': {
      const number = typeof raw === 'number' ? raw : typeof raw === 'string' ? numberOf(raw) : Number.NaN
      if (!Number.isFinite(number)) return issueOf(ReasonNotANumber, at)
      if (field.type === 'integer' && !Number.isInteger(number)) return issueOf(ReasonNotWholeNumber, at)
      const { min = -Infinity, max = Infinity } = field
      if (number < min || number > max) {
        const unit = unitOf(field)
        return issueOf(ReasonOutsideRange, {
          field: field.name,
          value: number,
          min,
          max,
          ...(unit ? { unit } : {}),
        })
      }
      return number
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw
      const word = String(raw).trim().toLowerCase()
      if (TRUE_WORDS.has(word)) return true
      if (FALSE_WORDS.has(word)) return false
      return issueOf(ReasonNotYesNo, at)
    }
  }
}

/** The registry's name of the field's unit (m, m2, year), for the range of a reason. */
function unitOf(field: ImportFieldSpec): RangeUnit | undefined {
  const entry = Object.entries(UNITS).find(([, unit]) => unit === field.unit)
  return entry?.[0] as RangeUnit | undefined
}

/** Numeric text: plain decimals, with thousands separators allowed ("12,345.6"). */
function numberOf(text: string): number {
  const plain = text.trim().replace(/(\d),(?=\d{3}(\D|$))/g, '$1')
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain) ? Number(plain) : Number.NaN
}

function codeOf(text: string, values: Readonly<Record<string, { zh: string; en: string }>>): string | null {
  const lower = text.toLowerCase()
  for (const [code, label] of Object.entries(values)) {
    if (code === lower || label.zh === text || label.en.toLowerCase() === lower) return code
  }
  return null
}

/** Compounds: a renovation year is given exactly when the renovation is completed (the database checks the same). */
function checkRenovationYear(values: Record<string, AttributeValue>, issues: ImportIssue[]): void {
  if (issues.some((issue) => issue.field === 'renovationStatus' || issue.field === 'renovationYear')) return
  const completed = values.renovationStatus === 'completed'
  const year = values.renovationYear ?? null
  if (completed && year === null) {
    issues.push(issueOf(ReasonRenovationYearMissing, { field: 'renovationYear' }))
  } else if (!completed && year !== null) {
    issues.push(
      issueOf(ReasonRenovationYearNotCompleted, {
        field: 'renovationYear',
        year: Number(year),
        status: typeof values.renovationStatus === 'string' ? values.renovationStatus : null,
      }),
    )
  }
}
