// The compound edit form as data: the text a form holds for each editable field, the record it stands for, its
// validation with the API's own zod schema (compoundPatch), and the patch of only what changed. No React here.
import {
  COMPOUND_EDITABLE_FIELDS,
  type CompoundEditableField,
  type CompoundPatch,
  type CompoundResponseProperties,
  compoundPatch,
  type compoundPatchFields,
  compoundRuleViolations,
} from '@renewal-atlas/domain'
import type { z } from 'zod'
import type { MessageKey } from '../../i18n/messages.ts'

/** The fields the form edits, in the schema's order: every editable field but the outline. */
export type FormField = Exclude<CompoundEditableField, 'geometry'>
export const FORM_FIELDS = COMPOUND_EDITABLE_FIELDS.filter((f): f is FormField => f !== 'geometry')

/** What the inputs hold: text for text and number inputs and selects, a flag for the checkbox. */
export type FormValues = { [K in FormField]: K extends 'onOldRegister' ? boolean : string }

/** The record the form stands for, every field present. */
export type EditableRecord = { [K in FormField]: z.infer<(typeof compoundPatchFields)[K]> }

const nullableFields = new Set<FormField>([
  'address',
  'builtYear',
  'floorAreaM2',
  'managementType',
  'renovationYear',
])
const numberFields = new Set<FormField>([
  'builtYear',
  'buildingCount',
  'households',
  'residents',
  'floorAreaM2',
  'renovationYear',
])

export function recordOf(p: CompoundResponseProperties): EditableRecord {
  return Object.fromEntries(FORM_FIELDS.map((field) => [field, p[field]])) as EditableRecord
}

export function formValuesOf(record: EditableRecord): FormValues {
  return Object.fromEntries(
    FORM_FIELDS.map((field) => {
      const value = record[field]
      if (field === 'onOldRegister') return [field, Boolean(value)]
      return [field, value === null ? '' : String(value)]
    }),
  ) as FormValues
}

/** The form's text as values, unchecked: an empty input is null where the field may be empty. */
export function valuesOfForm(values: FormValues): Record<FormField, unknown> {
  return Object.fromEntries(
    FORM_FIELDS.map((field) => {
      const raw = values[field]
      if (typeof raw === 'boolean') return [field, raw]
      const text = raw.trim()
      if (text === '')
        return [field, nullableFields.has(field) ? null : numberFields.has(field) ? Number.NaN : '']
      // A comma typed as a thousands separator is not a decimal point.
      return [field, numberFields.has(field) ? Number(text.replaceAll(',', '')) : raw]
    }),
  ) as Record<FormField, unknown>
}

/** Cross-field reasons of packages/domain (compoundRuleViolations), each with its own sentence. */
const ruleMessages: Record<string, MessageKey> = {
  'renovationYear is required when renovationStatus is completed': 'edit.rule.yearRequired',
  'renovationYear must be null unless renovationStatus is completed': 'edit.rule.yearOnlyCompleted',
  'renovationYear must not be earlier than builtYear': 'edit.rule.yearBeforeBuilt',
}

const fieldMessages: Record<FormField, MessageKey> = {
  name: 'edit.invalid.name',
  address: 'edit.invalid.address',
  communityCode: 'edit.invalid.communityCode',
  builtYear: 'edit.invalid.year',
  buildingCount: 'edit.invalid.buildingCount',
  households: 'edit.invalid.households',
  residents: 'edit.invalid.residents',
  floorAreaM2: 'edit.invalid.floorAreaM2',
  managementType: 'edit.invalid.choice',
  onOldRegister: 'edit.invalid.choice',
  renovationStatus: 'edit.invalid.choice',
  renovationYear: 'edit.invalid.year',
}

export type FormErrors = Partial<Record<FormField, MessageKey>>

export type Validated = { ok: true; record: EditableRecord } | { ok: false; errors: FormErrors }

const yearOrNull = (value: unknown) =>
  value === null || Number.isInteger(value) ? (value as number | null) : undefined

/** Check every field and the rules between them with the schema the API parses the PATCH with. */
export function validateForm(values: FormValues): Validated {
  const raw = valuesOfForm(values)
  const parsed = compoundPatch.safeParse(raw)
  if (parsed.success) return { ok: true, record: parsed.data as EditableRecord }
  const errors: FormErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FormField | undefined
    if (field === undefined || !(FORM_FIELDS as readonly string[]).includes(field) || errors[field]) continue
    errors[field] = ruleMessages[issue.message] ?? fieldMessages[field]
  }
  // The schema checks the rules between fields only once every field is valid; say both at once.
  const rules = compoundRuleViolations({
    builtYear: yearOrNull(raw.builtYear),
    renovationStatus: typeof raw.renovationStatus === 'string' ? raw.renovationStatus : undefined,
    renovationYear: yearOrNull(raw.renovationYear),
  })
  for (const { field, reason } of rules) {
    if (field !== 'geometry' && !errors[field]) errors[field] = ruleMessages[reason] ?? fieldMessages[field]
  }
  return { ok: false, errors }
}

/** The fields whose values differ between two records, in form order. */
export function differingFields(a: EditableRecord, b: EditableRecord): FormField[] {
  return FORM_FIELDS.filter((field) => a[field] !== b[field])
}

/** The PATCH body that turns `base` into `next`: only the fields that changed. */
export function patchBetween(base: EditableRecord, next: EditableRecord): CompoundPatch {
  return Object.fromEntries(differingFields(base, next).map((field) => [field, next[field]])) as CompoundPatch
}

/** My changes (the fields I changed from the version I started from) laid over the version that is current now. */
export function reapply(current: EditableRecord, base: EditableRecord, mine: EditableRecord): EditableRecord {
  return { ...current, ...patchBetween(base, mine) }
}
