// Query parameters of the OGC API Features routes (Part 1, Core), parsed at the boundary like every /api/v1 query:
// `bbox` with 4 or 6 numbers in CRS84, `limit` (a value over the advertised maximum is lowered to it, as the
// standard's corrigendum 1.0.1 asks, instead of refused), `offset` and `after` (what the next links carry: the
// features before the page, and the id of the last of them, so a page is read by id, not by skipping), `datetime` (checked,
// and then it matches every feature: no layer has a temporal geometry, /req/core/fc-time-response C) and `f=json`.
// Any other parameter is a 400, as /req/core/query-param-unknown requires.
import { type AreaGeometry, intParam } from '@renewal-atlas/domain'
import { z } from 'zod'
import type { LayerFilter } from '../layers/layer-query.ts'

export const OGC_DEFAULT_LIMIT = 100
export const OGC_MAX_LIMIT = 10_000
/** Deepest page the next links reach; far beyond any layer of a city (about 200,000 buildings). */
export const OGC_MAX_OFFSET = 100_000_000

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/**
 * `bbox=minLon,minLat,maxLon,maxLat` or, with heights, `minLon,minLat,minZ,maxLon,maxLat,maxZ` (our features have
 * no heights, so only the horizontal box counts). A west edge east of the east edge is a box over the antimeridian.
 */
export const ogcBbox = z
  .string()
  .transform((value, ctx) => {
    const parts = value.split(',')
    const numbers = parts.map((p) => (DECIMAL.test(p.trim()) ? Number(p) : Number.NaN))
    if ((parts.length !== 4 && parts.length !== 6) || numbers.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({
        code: 'custom',
        message:
          'bbox must be 4 numbers (minLon,minLat,maxLon,maxLat) or 6 (with minZ and maxZ), comma-separated',
      })
      return z.NEVER
    }
    const [minLon, minLat, maxLon, maxLat] = (
      numbers.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers
    ) as [number, number, number, number]
    if ([minLon, maxLon].some((x) => Math.abs(x) > 180) || [minLat, maxLat].some((y) => Math.abs(y) > 90)) {
      ctx.addIssue({
        code: 'custom',
        message: 'bbox longitudes must lie within ±180 and latitudes within ±90',
      })
      return z.NEVER
    }
    if (minLat > maxLat) {
      ctx.addIssue({
        code: 'custom',
        message: 'bbox: the southern latitude must not exceed the northern one',
      })
      return z.NEVER
    }
    if (numbers.length === 6 && (numbers[2] as number) > (numbers[5] as number)) {
      ctx.addIssue({ code: 'custom', message: 'bbox: minZ must not exceed maxZ' })
      return z.NEVER
    }
    return [minLon, minLat, maxLon, maxLat] as const
  })
  .meta({
    description: 'minLon,minLat,maxLon,maxLat (CRS84), optionally with minZ/maxZ as 3rd and 6th numbers',
  })

/** Whole number ≥ 1; above the maximum it becomes the maximum. */
const ogcLimit = z
  .string()
  .regex(/^\d+$/, 'limit must be a whole number')
  .transform(Number)
  .pipe(z.number().min(1, 'limit must be at least 1'))
  .transform((n) => Math.min(n, OGC_MAX_LIMIT))

const DATE = String.raw`\d{4}-\d{2}-\d{2}`
const DATE_TIME = String.raw`${DATE}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})`
const INSTANT = new RegExp(`^(${DATE_TIME}|${DATE})$`)

const isInstant = (text: string) => INSTANT.test(text) && !Number.isNaN(Date.parse(text))
const isOpenEnd = (text: string) => text === '..' || text === ''

/** An RFC 3339 date or date-time, or an interval of two with `..` (or nothing) for an open end. */
const ogcDatetime = z.string().refine((value) => {
  const ends = value.split('/')
  if (ends.length === 1) return isInstant(value)
  if (ends.length !== 2) return false
  const [start = '', end = ''] = ends
  if (isOpenEnd(start) && isOpenEnd(end)) return false
  if (!isOpenEnd(start) && !isInstant(start)) return false
  if (!isOpenEnd(end) && !isInstant(end)) return false
  return isOpenEnd(start) || isOpenEnd(end) || Date.parse(start) <= Date.parse(end)
}, 'datetime must be an RFC 3339 date-time such as 2024-05-01T00:00:00Z, or an interval start/end with .. for an open end')

const formatParam = z.enum(['json'], { error: 'f must be json (the only encoding served)' }).optional()

/** Query of the landing page, conformance, API definition and collection documents. */
export const ogcDocumentQuery = z.strictObject({ f: formatParam })

/** Query of a single feature. */
export const ogcItemQuery = z.strictObject({ f: formatParam })

export const ogcItemsQuery = z.strictObject({
  bbox: ogcBbox.optional(),
  limit: ogcLimit.optional(),
  offset: intParam('offset', 0, OGC_MAX_OFFSET).optional(),
  after: intParam('after', 0, 2_147_483_647).optional(),
  datetime: ogcDatetime.optional(),
  f: formatParam,
})
export type OgcItemsQuery = z.infer<typeof ogcItemsQuery>

/** The area of a bbox as the layer filter takes it: a box, or two boxes either side of the antimeridian. */
export function bboxFilter(
  bbox: readonly [number, number, number, number],
): Pick<LayerFilter, 'bbox' | 'area'> {
  const [minLon, minLat, maxLon, maxLat] = bbox
  if (minLon <= maxLon) return { bbox }
  const box = (west: number, east: number): [number, number][][] => [
    [
      [west, minLat],
      [east, minLat],
      [east, maxLat],
      [west, maxLat],
      [west, minLat],
    ],
  ]
  const area: AreaGeometry = { type: 'MultiPolygon', coordinates: [box(minLon, 180), box(-180, maxLon)] }
  return { area }
}
