// Exports: formats and their files, the request of one layer or a bundle (filters like the map's, an area), and the
// metadata sidecar that states a file's coordinate system and fields.
import { z } from 'zod'
import {
  bboxParam,
  booleanParam,
  communityCodeParam,
  intParam,
  statusList,
  streetCodeParam,
} from '../api.schema.ts'
import { labelledEnum } from '../labels.ts'
import { exportLayer } from '../layers/layer.registry.ts'
import { DXF_CRS, type ExportCrs, exportCrs } from './crs.schema.ts'

export const exportFormat = labelledEnum({
  geojson: { zh: 'GeoJSON', en: 'GeoJSON' },
  geojsonseq: { zh: 'GeoJSON 文本序列（每行一个要素）', en: 'GeoJSON Text Sequence (one feature per line)' },
  csv: { zh: 'CSV 表格', en: 'CSV table' },
  shapefile: { zh: 'Shapefile（zip 压缩包）', en: 'Shapefile (zipped)' },
  dxf: { zh: 'DXF（AutoCAD）', en: 'DXF (AutoCAD)' },
})
export type ExportFormat = z.infer<typeof exportFormat.schema>

/** File extension and media type of each format (a zipped Shapefile is one .zip). */
export const EXPORT_FORMAT_FILES: Readonly<Record<ExportFormat, { extension: string; mediaType: string }>> = {
  geojson: { extension: 'geojson', mediaType: 'application/geo+json' },
  geojsonseq: { extension: 'geojsons', mediaType: 'application/geo+json-seq' },
  csv: { extension: 'csv', mediaType: 'text/csv; charset=utf-8' },
  shapefile: { extension: 'zip', mediaType: 'application/zip' },
  dxf: { extension: 'dxf', mediaType: 'application/dxf' },
}

/** Longest `area` parameter: a drawn polygon of a few hundred vertices. Larger areas go through a plan. */
export const MAX_AREA_PARAM_LENGTH = 12_000
export const MAX_NEAR_RADIUS_M = 5_000

/**
 * A GeoJSON Polygon or MultiPolygon in WGS84, given as JSON text in the `area` query parameter. A refusal says what
 * is wrong once, in words (the field is named by the error, not again in its reason): another geometry type, a
 * number that overflows, a position out of range and where. Validity (self-intersection) needs PostGIS: the export
 * checks it before writing.
 */
export const areaParam = z
  .string()
  .max(MAX_AREA_PARAM_LENGTH, `area must be at most ${MAX_AREA_PARAM_LENGTH} characters of GeoJSON`)
  .transform((text, ctx) => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not GeoJSON: the text is not valid JSON' })
      return z.NEVER
    }
    const type = (value as { type?: unknown } | null)?.type
    const schema = type === 'Polygon' ? areaPolygon : type === 'MultiPolygon' ? areaMultiPolygon : undefined
    if (!schema) {
      ctx.addIssue({
        code: 'custom',
        message:
          typeof type === 'string'
            ? `a ${type} is not a Polygon or MultiPolygon`
            : 'not a GeoJSON Polygon or MultiPolygon (no "type")',
      })
      return z.NEVER
    }
    const parsed = schema.safeParse(value)
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: areaIssueText(text, parsed.error.issues[0]) })
      return z.NEVER
    }
    return parsed.data
  })
  .meta({
    description: 'GeoJSON Polygon or MultiPolygon (WGS84) as JSON text: only features intersecting it',
    example: '{"type":"Polygon","coordinates":[[[104.08,30.62],[104.1,30.62],[104.1,30.64],[104.08,30.62]]]}',
  })

/** A coordinate: a finite number (JSON.parse makes 1e999 Infinity, which areaIssueText names as written). */
const coordinate = (axis: 'longitude' | 'latitude', limit: number) => {
  const error = (issue: { input?: unknown }) =>
    `${issue.input} is not a ${axis}, which must be from -${limit} to ${limit}`
  return z.number({ error: 'a coordinate must be a number' }).min(-limit, { error }).max(limit, { error })
}
const lonLat = z
  .tuple([coordinate('longitude', 180), coordinate('latitude', 90)])
  .rest(z.number({ error: 'a coordinate must be a number' }))
  .refine((p) => p.length <= 3, 'a position has two or three numbers')
const ring = z
  .array(lonLat)
  .min(4, 'a ring needs at least four positions')
  .max(5_000, 'a ring may have at most 5,000 positions')
  .refine(
    (r) => r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1],
    'a ring must end where it starts: its first and last positions differ',
  )
const rings = z.array(ring).min(1, 'a polygon needs a ring').max(50, 'a polygon may have at most 50 rings')
const areaPolygon = z.strictObject({ type: z.literal('Polygon'), coordinates: rings })
const areaMultiPolygon = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z
    .array(rings)
    .min(1, 'a MultiPolygon needs a polygon')
    .max(50, 'a MultiPolygon may have at most 50 polygons'),
})
export const areaGeometry = z.union([areaPolygon, areaMultiPolygon])

/** One sentence for the first problem of an area: what, numbers as written, and where (coordinates[0][2][1]). */
function areaIssueText(text: string, issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'not a GeoJSON Polygon or MultiPolygon'
  const where = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')
  const at = where ? ` (at ${where.replace(/^\./, '')})` : ''
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    // JSON.parse turned a number too large for a double into Infinity: name it as the text has it.
    const written = text.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)?.find((n) => !Number.isFinite(Number(n)))
    if (written) return `${written} is not a finite number${at}`
  }
  if (issue.code === 'unrecognized_keys')
    return `unknown member ${issue.keys.join(', ')}: a geometry has only type and coordinates`
  return `${issue.message}${at}`
}
export type AreaGeometry = z.infer<typeof areaGeometry>

const exportFilterShape = {
  crs: exportCrs.schema.optional().meta({ description: 'coordinate system (default 4326)' }),
  street: streetCodeParam.optional(),
  community: communityCodeParam.optional(),
  status: statusList.optional().meta({ description: 'compound renovation status, comma-separated' }),
  onRegister: booleanParam('onRegister').optional(),
  builtFrom: intParam('builtFrom', 1900, 2100).optional(),
  builtTo: intParam('builtTo', 1900, 2100).optional(),
  bbox: bboxParam.optional(),
  area: areaParam.optional(),
  near: intParam('near', 1, 2_147_483_647)
    .optional()
    .meta({ description: 'id of a compound: only features within `radius` metres of it' }),
  radius: intParam('radius', 0, MAX_NEAR_RADIUS_M)
    .optional()
    .meta({
      description: `metres around the compound of \`near\` (default 300, at most ${MAX_NEAR_RADIUS_M})`,
    }),
  clip: booleanParam('clip').optional().meta({
    description: 'cut features at the area (true) or keep whole features that intersect it (default)',
  }),
  csvGeometry: z
    .enum(['wkt', 'lonlat'], { error: 'csvGeometry must be wkt or lonlat' })
    .optional()
    .meta({ description: 'CSV geometry as a WKT column (default) or, for points, lon/lat columns' }),
}

const exportRefinements = (
  q: {
    format?: ExportFormat | undefined
    crs?: ExportCrs | undefined
    builtFrom?: number | undefined
    builtTo?: number | undefined
    near?: number | undefined
    radius?: number | undefined
    clip?: boolean | undefined
    area?: unknown
    bbox?: unknown
  },
  ctx: z.RefinementCtx,
) => {
  if (q.builtFrom !== undefined && q.builtTo !== undefined && q.builtFrom > q.builtTo) {
    ctx.addIssue({ code: 'custom', path: ['builtFrom'], message: 'builtFrom must not be later than builtTo' })
  }
  if (q.format === 'dxf' && q.crs !== undefined && !DXF_CRS.includes(q.crs)) {
    ctx.addIssue({
      code: 'custom',
      path: ['crs'],
      message: 'DXF is drawn in Gauss-Kruger metres: crs must be 4544 or 4523',
    })
  }
  if (q.radius !== undefined && q.near === undefined) {
    ctx.addIssue({ code: 'custom', path: ['radius'], message: 'radius needs near (a compound id)' })
  }
  if ([q.area, q.near, q.bbox].filter((v) => v !== undefined).length > 1) {
    ctx.addIssue({ code: 'custom', path: ['area'], message: 'give at most one of area, near and bbox' })
  }
  if (q.clip && q.area === undefined && q.near === undefined && q.bbox === undefined) {
    ctx.addIssue({ code: 'custom', path: ['clip'], message: 'clip needs an area, near or bbox' })
  }
}

/** GET /api/v1/exports/{layer}: one layer in one format. */
export const exportQuery = z
  .strictObject({
    format: exportFormat.schema.optional().meta({ description: 'file format (default geojson)' }),
    ...exportFilterShape,
  })
  .superRefine(exportRefinements)
export type ExportQuery = z.infer<typeof exportQuery>

/** GET /api/v1/exports/bundle: several layers (default all) in one zip, with README.md and metadata.json. */
export const bundleQuery = z
  .strictObject({
    layers: z
      .string()
      .transform((value) => value.split(','))
      .pipe(
        z
          .array(
            z.enum(exportLayer.values, {
              error: `layers must be a comma-separated list of ${exportLayer.values.join(', ')}`,
            }),
          )
          .min(1),
      )
      .optional()
      .meta({ description: 'layers, comma-separated (default all)' }),
    format: exportFormat.schema.optional(),
    name: z
      .string()
      .regex(/^[\p{L}\p{N}_-]{1,60}$/u, 'name may hold letters, digits, _ and - (at most 60)')
      .optional()
      .meta({ description: 'name of the zip and its folder (default renewal-atlas)' }),
    ...exportFilterShape,
  })
  .superRefine(exportRefinements)
export type BundleQuery = z.infer<typeof bundleQuery>

export const exportLayerParam = z.strictObject({ layer: exportLayer.schema })

/** The sidecar that states a file's coordinate system and contents (JSON, beside or inside the export). */
export const exportMetadata = z
  .object({
    generator: z.string(),
    generatedAt: z.string(),
    crs: z.object({
      code: exportCrs.schema,
      epsg: z.number().int().nullable(),
      uri: z.string().nullable(),
      name: z.string(),
      units: z.enum(['degree', 'metre']),
      axisOrder: z.string(),
    }),
    format: exportFormat.schema,
    layers: z.array(
      z.object({
        layer: exportLayer.schema,
        file: z.string(),
        features: z.number().int().nullable(),
        geometry: z.string(),
        fields: z.array(
          z.object({
            name: z.string(),
            dbf: z.string(),
            type: z.string(),
            zh: z.string(),
            en: z.string(),
            unit: z.string().nullable(),
          }),
        ),
      }),
    ),
    filter: z.record(z.string(), z.unknown()),
    synthetic: z.boolean(),
    source: z.string(),
  })
  .meta({ id: 'ExportMetadata' })
export type ExportMetadata = z.infer<typeof exportMetadata>

/** Response header with the number of features an export will hold, sent before the body (for progress). */
export const FEATURE_COUNT_HEADER = 'X-Feature-Count'
