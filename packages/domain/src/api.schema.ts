// Request and response shapes of the HTTP API, shared by the API (validation, OpenAPI) and the web app (parsing).
import { z } from 'zod'
import { managementType, renovationStatus } from './labels.ts'

export const MAX_PAGE_LIMIT = 2000
export const DEFAULT_PAGE_LIMIT = 100
const MAX_OFFSET = 1_000_000
const MAX_HOUSEHOLDS = 1_000_000

/** A whole-number query or path parameter within [min, max]; the messages name the parameter. */
// Digits only, compared as numbers: twenty digits are "at most …", not zod's "unsafe integer".
export const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))

const DECIMAL = /^-?\d+(\.\d+)?$/

/** `bbox=minLon,minLat,maxLon,maxLat` in WGS84 degrees. */
export const bboxParam = z
  .string()
  .transform((value, ctx) => {
    const parts = value.split(',')
    if (parts.length !== 4) {
      ctx.addIssue({
        code: 'custom',
        message: 'bbox must be four comma-separated numbers: minLon,minLat,maxLon,maxLat',
      })
      return z.NEVER
    }
    const numbers = parts.map((p) => (DECIMAL.test(p) ? Number(p) : Number.NaN))
    if (numbers.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'bbox values must be decimal numbers such as 104.08' })
      return z.NEVER
    }
    const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number]
    if (
      [minLon, maxLon].some((x) => x < -180 || x > 180) ||
      [minLat, maxLat].some((y) => y < -90 || y > 90)
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'bbox longitudes must lie within ±180 and latitudes within ±90',
      })
      return z.NEVER
    }
    if (minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'bbox minimum must not exceed its maximum' })
      return z.NEVER
    }
    return [minLon, minLat, maxLon, maxLat] as [number, number, number, number]
  })
  .meta({ description: 'minLon,minLat,maxLon,maxLat in WGS84 degrees', example: '104.08,30.62,104.12,30.67' })

export const pageParams = {
  limit: intParam('limit', 1, MAX_PAGE_LIMIT)
    .optional()
    .meta({ description: `page size, 1–${MAX_PAGE_LIMIT} (default ${DEFAULT_PAGE_LIMIT})` }),
  offset: intParam('offset', 0, MAX_OFFSET).optional().meta({ description: 'features to skip' }),
}

export const streetCodeParam = z.string().regex(/^\d{9}$/, 'street must be a 9-digit GB/T 2260 street code')
export const communityCodeParam = z.string().regex(/^\d{12}$/, 'community must be a 12-digit community code')

export const areaListQuery = z.strictObject({ ...pageParams, bbox: bboxParam.optional() })

export const communityListQuery = z.strictObject({
  ...pageParams,
  bbox: bboxParam.optional(),
  street: streetCodeParam.optional(),
})

export const statusList = z
  .string()
  .transform((value) => value.split(','))
  .pipe(
    z
      .array(
        z.enum(renovationStatus.values, {
          error: `status must be a comma-separated list of ${renovationStatus.values.join(', ')}`,
        }),
      )
      .min(1),
  )

export const booleanParam = (name: string) =>
  z.enum(['true', 'false'], { error: `${name} must be true or false` }).transform((v) => v === 'true')

export const compoundListQuery = z
  .strictObject({
    ...pageParams,
    bbox: bboxParam.optional(),
    street: streetCodeParam.optional(),
    community: communityCodeParam.optional(),
    status: statusList
      .optional()
      .meta({ description: 'renovation status, comma-separated', example: 'completed' }),
    onRegister: booleanParam('onRegister').optional().meta({ description: 'on the old-compound register' }),
    builtFrom: intParam('builtFrom', 1900, 2100).optional(),
    builtTo: intParam('builtTo', 1900, 2100).optional(),
    householdsMin: intParam('householdsMin', 0, MAX_HOUSEHOLDS)
      .optional()
      .meta({ description: 'at least this many households', example: '200' }),
    householdsMax: intParam('householdsMax', 0, MAX_HOUSEHOLDS)
      .optional()
      .meta({ description: 'at most this many households', example: '500' }),
  })
  .superRefine((q, ctx) => {
    if (q.builtFrom !== undefined && q.builtTo !== undefined && q.builtFrom > q.builtTo) {
      ctx.addIssue({
        code: 'custom',
        path: ['builtFrom'],
        message: 'builtFrom must not be later than builtTo',
      })
    }
    if (q.householdsMin !== undefined && q.householdsMax !== undefined && q.householdsMin > q.householdsMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['householdsMin'],
        message: 'householdsMin must not be greater than householdsMax',
      })
    }
  })
export type CompoundListQuery = z.infer<typeof compoundListQuery>

export interface Page {
  limit: number
  offset: number
}

/** The page a list request asks for, with the defaults filled in. */
export function pageOf(query: { limit?: number | undefined; offset?: number | undefined }): Page {
  return { limit: query.limit ?? DEFAULT_PAGE_LIMIT, offset: query.offset ?? 0 }
}

export const idParam = z.strictObject({
  id: intParam('id', 1, 2_147_483_647).meta({ description: 'numeric id' }),
})

// ---- responses ----

const geometry = z.object({ type: z.string(), coordinates: z.array(z.any()) }).meta({ id: 'Geometry' })
const link = z.object({ rel: z.string(), href: z.string(), type: z.string().optional() })

export function featureSchema<P extends z.ZodType>(properties: P) {
  return z.object({ type: z.literal('Feature'), id: z.number().int(), geometry, properties })
}

export function featurePageSchema<P extends z.ZodType>(properties: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    numberMatched: z.number().int(),
    numberReturned: z.number().int(),
    links: z.array(link),
    features: z.array(featureSchema(properties)),
  })
}

export const districtSummary = z.object({
  compounds: z.number().int(),
  oldCompounds: z.number().int(),
  renovatedOldCompounds: z.number().int(),
  coverage: z.number().meta({ description: 'renovated old compounds ÷ old compounds, 0–1' }),
  households: z.number().int(),
  householdsBenefiting: z.number().int().meta({ description: 'households of renovated old compounds' }),
  streets: z.array(z.string()).nullable().meta({
    description:
      'codes of the streets the figures cover when the reader may read only those (a design institute); null: the whole district',
  }),
})

export const districtResponseProperties = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    officialAreaKm2: z.number().nullable(),
    areaKm2: z.number().meta({ description: 'area of the stored outline, km²' }),
    residentPopulation: z.number().int().nullable(),
    servicePopulation: z.number().int().nullable(),
    oldCompoundCutoffYear: z.number().int(),
    synthetic: z.boolean(),
    source: z.string().nullable(),
    summary: districtSummary,
  })
  .meta({ id: 'DistrictProperties' })

export const streetResponseProperties = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    districtCode: z.string(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'StreetProperties' })

export const communityResponseProperties = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    officialName: z.string().nullable(),
    streetCode: z.string(),
    streetName: z.string(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'CommunityProperties' })

export const compoundResponseProperties = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    communityCode: z.string(),
    communityName: z.string(),
    streetCode: z.string(),
    streetName: z.string(),
    builtYear: z.number().int().nullable(),
    buildingCount: z.number().int(),
    households: z.number().int(),
    residents: z.number().int(),
    floorAreaM2: z.number().nullable(),
    managementType: managementType.schema.nullable(),
    onOldRegister: z.boolean(),
    renovationStatus: renovationStatus.schema,
    renovationYear: z.number().int().nullable(),
    synthetic: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'CompoundProperties' })
export type CompoundResponseProperties = z.infer<typeof compoundResponseProperties>

export const districtCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(featureSchema(districtResponseProperties)),
})
export const streetPage = featurePageSchema(streetResponseProperties).meta({ id: 'StreetPage' })
export const communityPage = featurePageSchema(communityResponseProperties).meta({ id: 'CommunityPage' })
export const compoundPage = featurePageSchema(compoundResponseProperties).meta({ id: 'CompoundPage' })
export const compoundFeatureResponse = featureSchema(compoundResponseProperties).meta({
  id: 'CompoundFeature',
})

export const healthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']).meta({ description: 'degraded while migrations are pending' }),
    version: z.string(),
    database: z.object({
      backend: z.enum(['embedded', 'server']),
      postgres: z.string(),
      postgis: z.string(),
      capabilities: z.object({ mvt: z.boolean(), maxConnections: z.number().int() }),
    }),
    migrations: z.object({
      applied: z.number().int(),
      pending: z.number().int(),
      latest: z.string().nullable(),
    }),
  })
  .meta({ id: 'Health' })
export type HealthResponse = z.infer<typeof healthResponse>

export const problemResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({ name: z.string(), in: z.enum(['query', 'path', 'body', 'header']), reason: z.string() }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' })
export type Problem = z.infer<typeof problemResponse>
