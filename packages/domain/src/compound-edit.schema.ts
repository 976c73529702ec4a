// Editing a compound (小区): the PATCH body with its polygon and cross-field rules, and the shapes of the edit
// history (编辑历史), the deleted-compounds list and the version-conflict answer.
import { z } from 'zod'
import {
  booleanParam,
  compoundFeatureResponse,
  compoundResponseProperties,
  featurePageSchema,
  intParam,
  pageParams,
  problemResponse,
} from './api.schema.ts'
import { labelledEnum, managementType, renovationStatus } from './labels.ts'

/** Most vertices (positions, over all rings) a compound outline may have. */
export const MAX_POLYGON_VERTICES = 10_000

/** Why a polygon is refused; tests assert these exact texts. The database adds ST_IsValidReason to `invalid`. */
export const GEOMETRY_REASONS = {
  notPolygon: 'geometry must be a GeoJSON Polygon: {"type": "Polygon", "coordinates": [[[lon, lat], …]]}',
  position: 'a position is [longitude, latitude] in WGS84 degrees',
  longitude: 'longitude must be a finite number within ±180',
  latitude: 'latitude must be a finite number within ±90',
  noRing: 'a polygon needs an exterior ring',
  ringTooShort: 'a ring needs at least 4 positions (3 corners and the first one again)',
  ringNotClosed: 'a ring must end at the position it starts from',
  tooManyVertices: `a polygon may have at most ${MAX_POLYGON_VERTICES.toLocaleString('en')} vertices`,
  invalid: 'the polygon is not valid',
  outsideDistrict: 'the polygon must lie inside the district',
  outsideStreets: 'the polygon must lie inside the streets assigned to you',
  overlaps: 'the polygon overlaps another compound; send allowOverlap=true to save it anyway',
} as const

const finiteIn = (limit: number, message: string) =>
  z.number({ error: message }).refine((n) => Number.isFinite(n) && Math.abs(n) <= limit, message)

/** [lon, lat] or [lon, lat, altitude]; the altitude is dropped when stored. */
const position = z
  .array(z.unknown(), { error: GEOMETRY_REASONS.position })
  .min(2, GEOMETRY_REASONS.position)
  .max(3, GEOMETRY_REASONS.position)
  .pipe(
    z.tuple(
      [
        finiteIn(180, GEOMETRY_REASONS.longitude),
        finiteIn(90, GEOMETRY_REASONS.latitude),
        z.number({ error: GEOMETRY_REASONS.position }).optional(),
      ],
      { error: GEOMETRY_REASONS.position },
    ),
  )

const ring = z
  .array(position, { error: GEOMETRY_REASONS.notPolygon })
  .min(4, GEOMETRY_REASONS.ringTooShort)
  .refine((positions) => {
    const first = positions[0]
    const last = positions.at(-1)
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1]
  }, GEOMETRY_REASONS.ringNotClosed)

/** An RFC 7946 Polygon in WGS84: closed rings, finite coordinates in range, at most MAX_POLYGON_VERTICES. */
export const polygonGeometry = z
  .strictObject(
    {
      type: z.literal('Polygon', { error: GEOMETRY_REASONS.notPolygon }),
      coordinates: z.array(ring, { error: GEOMETRY_REASONS.notPolygon }).min(1, GEOMETRY_REASONS.noRing),
      bbox: z.array(z.number()).optional(),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? GEOMETRY_REASONS.notPolygon : undefined) },
  )
  .refine(
    (polygon) => polygon.coordinates.reduce((n, r) => n + r.length, 0) <= MAX_POLYGON_VERTICES,
    GEOMETRY_REASONS.tooManyVertices,
  )
  .meta({ id: 'PolygonGeometry', description: 'RFC 7946 Polygon, WGS84 longitude/latitude' })
export type PolygonGeometry = z.infer<typeof polygonGeometry>

/** False for text PostgreSQL cannot store or that no one types: control characters (NUL among them), lone surrogates. */
function storable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x20 || unit === 0x7f) return false
    if (unit >= 0xdc00 && unit <= 0xdfff) return false
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++
    }
  }
  return true
}

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`)
    .refine(storable, `${field} must not contain control characters`)

const wholeNumber = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`)

const year = (field: string) => wholeNumber(field, 1900, 2100)

/** The fields of a compound an editor may change, in the order forms show them. */
export const compoundPatchFields = {
  name: text('name', 200),
  address: text('address', 500).nullable(),
  communityCode: z
    .string({ error: 'communityCode must be a string' })
    .regex(/^\d{12}$/, 'communityCode must be a 12-digit community code'),
  builtYear: year('builtYear').nullable(),
  buildingCount: wholeNumber('buildingCount', 0, 10_000),
  households: wholeNumber('households', 0, 1_000_000),
  residents: wholeNumber('residents', 0, 5_000_000),
  floorAreaM2: z
    .number({ error: 'floorAreaM2 must be a number' })
    .min(0, 'floorAreaM2 must not be negative')
    .max(100_000_000, 'floorAreaM2 must be at most 100,000,000')
    .nullable(),
  managementType: managementType.schema.nullable(),
  onOldRegister: z.boolean({ error: 'onOldRegister must be true or false' }),
  renovationStatus: renovationStatus.schema,
  renovationYear: year('renovationYear').nullable(),
  geometry: polygonGeometry,
}
export type CompoundEditableField = keyof typeof compoundPatchFields
export const COMPOUND_EDITABLE_FIELDS = Object.keys(compoundPatchFields) as CompoundEditableField[]

/** The values the cross-field rules look at. */
export interface CompoundRuleInput {
  builtYear?: number | null | undefined
  renovationStatus?: string | undefined
  renovationYear?: number | null | undefined
}

/**
 * The cross-field rules of a compound record. Given a patch, only the rules whose fields it carries are checked;
 * the API checks the record as it would be after the patch again.
 */
export function compoundRuleViolations(
  record: CompoundRuleInput,
): { field: CompoundEditableField; reason: string }[] {
  const violations: { field: CompoundEditableField; reason: string }[] = []
  const { builtYear, renovationStatus: status, renovationYear } = record
  if (status !== undefined && renovationYear !== undefined) {
    if (status === 'completed' && renovationYear === null) {
      violations.push({
        field: 'renovationYear',
        reason: 'renovationYear is required when renovationStatus is completed',
      })
    }
    if (status !== 'completed' && renovationYear !== null) {
      violations.push({
        field: 'renovationYear',
        reason: 'renovationYear must be null unless renovationStatus is completed',
      })
    }
  }
  if (typeof builtYear === 'number' && typeof renovationYear === 'number' && renovationYear < builtYear) {
    violations.push({ field: 'renovationYear', reason: 'renovationYear must not be earlier than builtYear' })
  }
  return violations
}

/** PATCH /api/v1/compounds/{id}: any of the editable fields, at least one; null clears a nullable field. */
export const compoundPatch = z
  .strictObject(
    Object.fromEntries(
      Object.entries(compoundPatchFields).map(([key, schema]) => [key, schema.optional()]),
    ) as { [K in CompoundEditableField]: z.ZodOptional<(typeof compoundPatchFields)[K]> },
    {
      error: (issue) =>
        issue.code === 'invalid_type' ? 'the body must be a JSON object of the fields to change' : undefined,
    },
  )
  .superRefine((patch, ctx) => {
    if (Object.keys(patch).length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `the body must change at least one field of: ${COMPOUND_EDITABLE_FIELDS.join(', ')}`,
      })
    }
    for (const { field, reason } of compoundRuleViolations(patch)) {
      ctx.addIssue({ code: 'custom', path: [field], message: reason })
    }
  })
  .meta({
    id: 'CompoundPatch',
    description:
      'The fields to change; absent fields keep their value, null clears a nullable one. Send the ETag of the ' +
      'GET as If-Match.',
  })
export type CompoundPatch = z.infer<typeof compoundPatch>

/** A compound as a GeoJSON feature: what history entries keep before and after a write. */
export type CompoundSnapshot = z.infer<typeof compoundFeatureResponse>

/**
 * The editable fields (geometry included) whose values differ between two snapshots, in form order; none when
 * either side is missing (a delete or an undelete changes no field).
 */
export function changedCompoundFields(
  before: CompoundSnapshot | null,
  after: CompoundSnapshot | null,
): CompoundEditableField[] {
  if (!before || !after) return []
  return COMPOUND_EDITABLE_FIELDS.filter((field) => {
    const a = field === 'geometry' ? before.geometry : before.properties[field]
    const b = field === 'geometry' ? after.geometry : after.properties[field]
    return JSON.stringify(a) !== JSON.stringify(b)
  })
}

export const auditAction = labelledEnum({
  create: { zh: '新建', en: 'Created' },
  update: { zh: '修改', en: 'Edited' },
  delete: { zh: '删除', en: 'Deleted' },
  restore: { zh: '恢复历史版本', en: 'Restored a previous version' },
  undelete: { zh: '撤销删除', en: 'Undeleted' },
  import: { zh: '导入', en: 'Imported' },
})
export type AuditAction = z.infer<typeof auditAction.schema>

const actor = z
  .object({ id: z.number().int(), username: z.string(), displayName: z.string().nullable() })
  .meta({ id: 'Actor', description: 'who made the change' })

export const compoundHistoryEntry = z
  .object({
    id: z.number().int(),
    at: z.string().meta({ description: 'when, ISO 8601 with time zone' }),
    action: auditAction.schema,
    user: actor.nullable().meta({ description: 'null when the account has since been removed' }),
    changedFields: z.array(z.string()).meta({ description: 'editable fields whose value changed' }),
    before: compoundFeatureResponse.nullable(),
    after: compoundFeatureResponse.nullable(),
  })
  .meta({ id: 'CompoundHistoryEntry' })
export type CompoundHistoryEntry = z.infer<typeof compoundHistoryEntry>

export const compoundHistoryQuery = z.strictObject({ ...pageParams })

export const compoundHistoryResponse = z
  .object({
    compoundId: z.number().int(),
    currentVersion: z.number().int(),
    deleted: z.boolean(),
    numberMatched: z.number().int(),
    numberReturned: z.number().int(),
    entries: z.array(compoundHistoryEntry).meta({ description: 'newest first' }),
  })
  .meta({ id: 'CompoundHistory' })
export type CompoundHistoryResponse = z.infer<typeof compoundHistoryResponse>

export const historyEntryParams = z.strictObject({
  id: intParam('id', 1, 2_147_483_647).meta({ description: 'compound id' }),
  entryId: intParam('entryId', 1, Number.MAX_SAFE_INTEGER).meta({ description: 'history entry id' }),
})

/**
 * Which state of the entry a restore goes back to: `after` it (the default; for a delete, before it), or `before`
 * it, which undoes that change — the only way back to a record as it was loaded, since loading writes no entry.
 */
const allowOverlap = booleanParam('allowOverlap')
  .optional()
  .meta({ description: 'write an outline that overlaps other compounds (default false: 409 naming them)' })

/** Query of PATCH /compounds/{id}. */
export const compoundWriteQuery = z.strictObject({ allowOverlap })
export type CompoundWriteQuery = z.infer<typeof compoundWriteQuery>

export const restoreQuery = z.strictObject({
  state: z
    .enum(['after', 'before'], { error: 'state must be after or before' })
    .optional()
    .meta({ description: 'after (default) or before the entry' }),
  allowOverlap,
})
export type RestoreQuery = z.infer<typeof restoreQuery>

export const deletedCompoundProperties = compoundResponseProperties
  .extend({
    deletedAt: z.string().meta({ description: 'when, ISO 8601 with time zone' }),
    deletedBy: actor.nullable(),
  })
  .meta({ id: 'DeletedCompoundProperties' })
export type DeletedCompoundProperties = z.infer<typeof deletedCompoundProperties>

export const deletedCompoundListQuery = z.strictObject({ ...pageParams })
export const deletedCompoundPage = featurePageSchema(deletedCompoundProperties).meta({
  id: 'DeletedCompoundPage',
})

/** 412 body: the version the record is at now, and the record itself, so a client can show both versions. */
export const compoundVersionConflict = problemResponse
  .extend({ currentVersion: z.number().int(), current: compoundFeatureResponse })
  .meta({ id: 'CompoundVersionConflict' })
