// Data exchange: the layers, formats and coordinate systems of exports, the fields each layer carries (the one
// catalogue that export files, their README, the OGC API and the import field mapping all read), and the shapes
// of the import API: what a planner uploads, how its fields map onto ours, and the per-feature validation report.
import { z } from 'zod'
import {
  bboxParam,
  booleanParam,
  communityCodeParam,
  intParam,
  statusList,
  streetCodeParam,
} from './api.schema.ts'
import {
  buildingStructure,
  facilityType,
  type Label,
  labelledEnum,
  managementType,
  renovationStatus,
  roadClass,
} from './labels.ts'

// ---------------------------------------------------------------------------------------------------------------
// Layers, formats, coordinate systems

export const exportLayer = labelledEnum({
  compounds: { zh: '小区', en: 'Compounds' },
  buildings: { zh: '楼栋', en: 'Buildings' },
  roads: { zh: '道路', en: 'Roads' },
  facilities: { zh: '公共服务设施', en: 'Facilities' },
  streets: { zh: '街道', en: 'Streets' },
  communities: { zh: '社区', en: 'Communities' },
})
export type ExportLayer = z.infer<typeof exportLayer.schema>

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

/**
 * Coordinate systems of exports. `4326` WGS84 lon/lat (RFC 7946, the default); `4490` CGCS2000 geographic;
 * `4544` CGCS2000 3-degree Gauss-Kruger CM 105E in metres (easting without zone); `4523` the same zone 35 with the
 * zone prefix in the easting (35xxxxxx); `gcj02` the GCJ-02 offset of Amap-based maps (not an EPSG system).
 */
export const exportCrs = labelledEnum({
  '4326': { zh: 'WGS84 经纬度（EPSG:4326，默认）', en: 'WGS84 longitude/latitude (EPSG:4326, default)' },
  '4490': { zh: 'CGCS2000 经纬度（EPSG:4490）', en: 'CGCS2000 geographic (EPSG:4490)' },
  '4544': {
    zh: 'CGCS2000 3度带高斯-克吕格 中央经线105°E，米（EPSG:4544）',
    en: 'CGCS2000 3-degree Gauss-Kruger CM 105E, metres (EPSG:4544)',
  },
  '4523': {
    zh: 'CGCS2000 3度带高斯-克吕格 第35带，含带号，米（EPSG:4523）',
    en: 'CGCS2000 3-degree Gauss-Kruger zone 35 with zone prefix, metres (EPSG:4523)',
  },
  gcj02: { zh: 'GCJ-02 火星坐标（高德地图叠加用）', en: 'GCJ-02 (for overlay on Amap-based maps)' },
})
export type ExportCrs = z.infer<typeof exportCrs.schema>

export interface CrsInfo {
  /** EPSG code, or null for GCJ-02. */
  epsg: number | null
  /** Appears in file names when the system is not WGS84, e.g. `compounds_EPSG4544.geojson`. */
  fileTag: string | null
  /** Axis units: degrees (lon/lat) or metres (easting/northing). */
  units: 'degree' | 'metre'
  /** Decimals written: 7 for degrees (about 1 cm), 3 for metres (1 mm). */
  decimals: number
  /** OGC CRS URI (OGC API, metadata sidecar). */
  uri: string | null
}

export const CRS_INFO: Readonly<Record<ExportCrs, CrsInfo>> = {
  '4326': {
    epsg: 4326,
    fileTag: null,
    units: 'degree',
    decimals: 7,
    uri: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  },
  '4490': {
    epsg: 4490,
    fileTag: 'EPSG4490',
    units: 'degree',
    decimals: 7,
    uri: 'http://www.opengis.net/def/crs/EPSG/0/4490',
  },
  '4544': {
    epsg: 4544,
    fileTag: 'EPSG4544',
    units: 'metre',
    decimals: 3,
    uri: 'http://www.opengis.net/def/crs/EPSG/0/4544',
  },
  '4523': {
    epsg: 4523,
    fileTag: 'EPSG4523',
    units: 'metre',
    decimals: 3,
    uri: 'http://www.opengis.net/def/crs/EPSG/0/4523',
  },
  gcj02: { epsg: null, fileTag: 'GCJ02', units: 'degree', decimals: 7, uri: null },
}

/** Formats that need a projected system in metres: DXF is drawn in Gauss-Kruger metres only. */
export const DXF_CRS: readonly ExportCrs[] = ['4544', '4523']

// ---------------------------------------------------------------------------------------------------------------
// The field catalogue

export type FieldType = 'string' | 'integer' | 'number' | 'boolean'

export interface ExchangeField {
  /** Property name in GeoJSON, CSV headers and the API (camelCase). */
  name: string
  /** Shapefile (dBASE) column name: at most 10 ASCII characters. */
  dbf: string
  type: FieldType
  label: Label
  /** Unit of a measure, e.g. m, m², a year. */
  unit?: Label
  /** Coded values and their meanings (the README lists them). */
  values?: Readonly<Record<string, Label>>
  /** dBASE width in bytes (strings: UTF-8 bytes). */
  width?: number
}

export interface LayerSpec {
  label: Label
  geometry: 'Polygon' | 'LineString' | 'Point' | 'MultiPolygon'
  /** DXF layer name (ASCII). */
  cadLayer: string
  fields: readonly ExchangeField[]
}

const m: Label = { zh: '米', en: 'm' }
const m2: Label = { zh: '平方米', en: 'm²' }
const year: Label = { zh: '年', en: 'year' }
const field = (
  name: string,
  dbf: string,
  type: FieldType,
  zh: string,
  en: string,
  extra: Partial<ExchangeField> = {},
): ExchangeField => ({ name, dbf, type, label: { zh, en }, ...extra })

const idField = field('id', 'id', 'integer', '编号', 'Record id')
const syntheticField = field('synthetic', 'synthetic', 'boolean', '合成数据', 'Synthetic (demo) data')

export const EXCHANGE_LAYERS: Readonly<Record<ExportLayer, LayerSpec>> = {
  compounds: {
    label: exportLayer.labels.compounds,
    geometry: 'Polygon',
    cadLayer: 'COMPOUNDS',
    fields: [
      idField,
      field('code', 'code', 'string', '小区编码', 'Compound code', { width: 32 }),
      field('name', 'name', 'string', '小区名称', 'Name', { width: 120 }),
      field('address', 'address', 'string', '地址', 'Address', { width: 200 }),
      field('streetCode', 'street_cd', 'string', '街道代码', 'Street code', { width: 9 }),
      field('streetName', 'street_nm', 'string', '街道', 'Street', { width: 60 }),
      field('communityCode', 'comm_cd', 'string', '社区代码', 'Community code', { width: 12 }),
      field('communityName', 'comm_nm', 'string', '社区', 'Community', { width: 60 }),
      field('builtYear', 'built_year', 'integer', '建成年份', 'Year built', { unit: year }),
      field('buildingCount', 'bldg_count', 'integer', '楼栋数', 'Buildings'),
      field('households', 'households', 'integer', '户数', 'Households'),
      field('residents', 'residents', 'integer', '人口', 'Residents'),
      field('floorAreaM2', 'floor_m2', 'number', '建筑面积', 'Floor area', { unit: m2 }),
      field('managementType', 'mgmt_type', 'string', '管理方式', 'Management', {
        values: managementType.labels,
        width: 20,
      }),
      field('onOldRegister', 'old_reg', 'boolean', '列入老旧小区名录', 'On the old-compound register'),
      field('renovationStatus', 'status', 'string', '改造状态', 'Renovation status', {
        values: renovationStatus.labels,
        width: 12,
      }),
      field('renovationYear', 'reno_year', 'integer', '改造完成年份', 'Year renovated', { unit: year }),
      syntheticField,
    ],
  },
  buildings: {
    label: exportLayer.labels.buildings,
    geometry: 'Polygon',
    cadLayer: 'BUILDINGS',
    fields: [
      idField,
      field('code', 'code', 'string', '楼栋编码', 'Building code', { width: 40 }),
      field('name', 'name', 'string', '楼栋名称', 'Name', { width: 60 }),
      field('compoundCode', 'cmpd_code', 'string', '所属小区编码', 'Compound code', { width: 32 }),
      field('compoundName', 'cmpd_name', 'string', '所属小区', 'Compound', { width: 120 }),
      field('streetCode', 'street_cd', 'string', '街道代码', 'Street code', { width: 9 }),
      field('storeys', 'storeys', 'integer', '层数', 'Storeys'),
      field('households', 'households', 'integer', '户数', 'Households'),
      field('builtYear', 'built_year', 'integer', '建成年份', 'Year built', { unit: year }),
      field('hasLift', 'has_lift', 'boolean', '有电梯', 'Has a lift'),
      field('structure', 'structure', 'string', '结构', 'Structure', {
        values: buildingStructure.labels,
        width: 20,
      }),
      syntheticField,
    ],
  },
  roads: {
    label: exportLayer.labels.roads,
    geometry: 'LineString',
    cadLayer: 'ROADS',
    fields: [
      idField,
      field('code', 'code', 'string', '道路编码', 'Road code', { width: 32 }),
      field('name', 'name', 'string', '道路名称', 'Name', { width: 60 }),
      field('roadClass', 'road_class', 'string', '道路等级', 'Road class', {
        values: roadClass.labels,
        width: 12,
      }),
      field('redLineWidthM', 'red_line_m', 'number', '红线宽度', 'Red-line width', { unit: m }),
      field('carriagewayWidthM', 'carriage_m', 'number', '车行道宽度', 'Carriageway width', { unit: m }),
      field('lengthM', 'length_m', 'number', '长度', 'Length', { unit: m }),
      syntheticField,
    ],
  },
  facilities: {
    label: exportLayer.labels.facilities,
    geometry: 'Point',
    cadLayer: 'FACILITIES',
    fields: [
      idField,
      field('code', 'code', 'string', '设施编码', 'Facility code', { width: 32 }),
      field('name', 'name', 'string', '设施名称', 'Name', { width: 120 }),
      field('facilityType', 'fac_type', 'string', '设施类型', 'Facility type', {
        values: facilityType.labels,
        width: 20,
      }),
      field('capacity', 'capacity', 'integer', '规模（床位/座位/车位等）', 'Capacity (beds, seats, spaces…)'),
      field('floorAreaM2', 'floor_m2', 'number', '建筑面积', 'Floor area', { unit: m2 }),
      syntheticField,
    ],
  },
  streets: {
    label: exportLayer.labels.streets,
    geometry: 'MultiPolygon',
    cadLayer: 'STREETS',
    fields: [
      idField,
      field('code', 'code', 'string', '街道代码', 'Street code (GB/T 2260)', { width: 9 }),
      field('name', 'name', 'string', '街道名称', 'Name', { width: 60 }),
      syntheticField,
    ],
  },
  communities: {
    label: exportLayer.labels.communities,
    geometry: 'MultiPolygon',
    cadLayer: 'COMMUNITIES',
    fields: [
      idField,
      field('code', 'code', 'string', '社区代码', 'Community code', { width: 12 }),
      field('name', 'name', 'string', '社区名称', 'Name', { width: 60 }),
      field('streetCode', 'street_cd', 'string', '街道代码', 'Street code', { width: 9 }),
      field('streetName', 'street_nm', 'string', '街道', 'Street', { width: 60 }),
      syntheticField,
    ],
  },
}

// ---------------------------------------------------------------------------------------------------------------
// Export requests

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

// ---------------------------------------------------------------------------------------------------------------
// Imports

export const importTarget = labelledEnum({
  compounds: exportLayer.labels.compounds,
  buildings: exportLayer.labels.buildings,
  facilities: exportLayer.labels.facilities,
})
export type ImportTarget = z.infer<typeof importTarget.schema>

/** Systems an upload may be in; `auto` reads the .prj or the coordinates' range. */
export const importCrs = labelledEnum({
  auto: { zh: '自动识别', en: 'Detect' },
  '4326': exportCrs.labels['4326'],
  '4490': exportCrs.labels['4490'],
  '4544': exportCrs.labels['4544'],
  '4523': exportCrs.labels['4523'],
  gcj02: exportCrs.labels.gcj02,
  bd09: { zh: 'BD-09 百度坐标', en: 'BD-09 (Baidu)' },
})
export type ImportCrs = z.infer<typeof importCrs.schema>
export type SourceCrs = Exclude<ImportCrs, 'auto'>

export const importEncoding = labelledEnum({
  auto: { zh: '自动识别', en: 'Detect' },
  'utf-8': { zh: 'UTF-8', en: 'UTF-8' },
  gbk: { zh: 'GBK（GB2312/GB18030）', en: 'GBK (GB2312/GB18030)' },
})
export type ImportEncoding = z.infer<typeof importEncoding.schema>

export const importFormat = labelledEnum({
  geojson: { zh: 'GeoJSON', en: 'GeoJSON' },
  geojsonseq: { zh: 'GeoJSON 文本序列', en: 'GeoJSON Text Sequence' },
  shapefile: { zh: 'Shapefile（zip）', en: 'Shapefile (zip)' },
  csv: { zh: 'CSV（经纬度或 WKT 列）', en: 'CSV (lon/lat or WKT columns)' },
})
export type ImportFormat = z.infer<typeof importFormat.schema>

/** Limits every upload meets before anything is parsed or extracted. */
export const IMPORT_LIMITS = {
  /** Upload body, bytes. */
  maxUploadBytes: 50 * 1024 * 1024,
  /** Sum of the declared uncompressed sizes of a zip's entries, bytes. */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** Uncompressed / compressed size of a zip entry (zip bomb). */
  maxCompressionRatio: 100,
  maxZipEntries: 50,
  maxFeatures: 50_000,
  maxVerticesPerFeature: 100_000,
  maxJsonDepth: 64,
  /** Properties per feature, and characters per property value. */
  maxProperties: 200,
  maxValueLength: 10_000,
} as const

/** What the target field holds and the rules an imported value meets. */
export interface ImportFieldSpec {
  name: string
  label: Label
  type: FieldType
  required: boolean
  min?: number
  max?: number
  /** Allowed codes; Chinese or English labels of them are accepted too. */
  values?: Readonly<Record<string, Label>>
  /** Other source column names recognised for this field (lower-case), e.g. 名称, mc, xqmc. */
  aliases: readonly string[]
}

const importField = (
  name: string,
  type: FieldType,
  zh: string,
  en: string,
  rules: Partial<ImportFieldSpec> = {},
): ImportFieldSpec => ({ name, type, label: { zh, en }, required: false, aliases: [], ...rules })

export interface ImportTargetSpec {
  geometry: 'Polygon' | 'Point'
  fields: readonly ImportFieldSpec[]
}

export const IMPORT_TARGETS: Readonly<Record<ImportTarget, ImportTargetSpec>> = {
  compounds: {
    geometry: 'Polygon',
    fields: [
      importField('code', 'string', '小区编码', 'Compound code', {
        required: true,
        aliases: ['编码', '小区编码', 'bm', 'xqbm', 'id_code'],
      }),
      importField('name', 'string', '小区名称', 'Name', {
        required: true,
        aliases: ['名称', '小区名称', 'mc', 'xqmc'],
      }),
      importField('address', 'string', '地址', 'Address', { aliases: ['地址', 'dz', 'addr'] }),
      importField('communityCode', 'string', '社区代码（空则按位置）', 'Community code (else by location)', {
        aliases: ['社区代码', 'comm_cd', 'sqdm'],
      }),
      importField('builtYear', 'integer', '建成年份', 'Year built', {
        min: 1900,
        max: 2100,
        aliases: ['建成年份', '建成年代', 'built_year', 'jcnf'],
      }),
      importField('buildingCount', 'integer', '楼栋数', 'Buildings', {
        min: 0,
        max: 1000,
        aliases: ['楼栋数', 'bldg_count', 'lds'],
      }),
      importField('households', 'integer', '户数', 'Households', {
        min: 0,
        max: 100_000,
        aliases: ['户数', 'hs'],
      }),
      importField('residents', 'integer', '人口', 'Residents', {
        min: 0,
        max: 500_000,
        aliases: ['人口', '人数', 'rk'],
      }),
      importField('floorAreaM2', 'number', '建筑面积（平方米）', 'Floor area (m²)', {
        min: 0,
        max: 10_000_000,
        aliases: ['建筑面积', 'floor_m2', 'jzmj'],
      }),
      importField('managementType', 'string', '管理方式', 'Management', {
        values: managementType.labels,
        aliases: ['管理方式', 'mgmt_type'],
      }),
      importField('onOldRegister', 'boolean', '列入老旧小区名录', 'On the old-compound register', {
        aliases: ['老旧小区', 'old_reg'],
      }),
      importField('renovationStatus', 'string', '改造状态', 'Renovation status', {
        values: renovationStatus.labels,
        aliases: ['改造状态', 'status'],
      }),
      importField('renovationYear', 'integer', '改造完成年份', 'Year renovated', {
        min: 1900,
        max: 2100,
        aliases: ['改造年份', '改造完成年份', 'reno_year'],
      }),
    ],
  },
  buildings: {
    geometry: 'Polygon',
    fields: [
      importField('code', 'string', '楼栋编码', 'Building code', {
        required: true,
        aliases: ['编码', '楼栋编码', 'bm', 'ldbm'],
      }),
      importField(
        'compoundCode',
        'string',
        '所属小区编码（空则按位置）',
        'Compound code (else by location)',
        {
          aliases: ['小区编码', 'cmpd_code', 'xqbm'],
        },
      ),
      importField('name', 'string', '楼栋名称', 'Name', { aliases: ['名称', '楼栋名称', 'mc', 'ldmc'] }),
      importField('storeys', 'integer', '层数', 'Storeys', {
        min: 1,
        max: 200,
        aliases: ['层数', 'cs', 'floors'],
      }),
      importField('households', 'integer', '户数', 'Households', {
        min: 0,
        max: 10_000,
        aliases: ['户数', 'hs'],
      }),
      importField('builtYear', 'integer', '建成年份', 'Year built', {
        min: 1900,
        max: 2100,
        aliases: ['建成年份', '建成年代', 'built_year', 'jcnf'],
      }),
      importField('hasLift', 'boolean', '有电梯', 'Has a lift', {
        aliases: ['电梯', '有无电梯', 'has_lift'],
      }),
      importField('structure', 'string', '结构', 'Structure', {
        values: buildingStructure.labels,
        aliases: ['结构', '建筑结构', 'jg'],
      }),
    ],
  },
  facilities: {
    geometry: 'Point',
    fields: [
      importField('code', 'string', '设施编码', 'Facility code', {
        required: true,
        aliases: ['编码', '设施编码', 'bm'],
      }),
      importField('name', 'string', '设施名称', 'Name', {
        required: true,
        aliases: ['名称', '设施名称', 'mc'],
      }),
      importField('facilityType', 'string', '设施类型', 'Facility type', {
        required: true,
        values: facilityType.labels,
        aliases: ['类型', '设施类型', 'fac_type', 'type', 'lx'],
      }),
      importField('capacity', 'integer', '规模', 'Capacity', {
        min: 0,
        max: 1_000_000,
        aliases: ['规模', 'capacity'],
      }),
      importField('floorAreaM2', 'number', '建筑面积（平方米）', 'Floor area (m²)', {
        min: 0,
        max: 10_000_000,
        aliases: ['建筑面积', 'floor_m2', 'jzmj'],
      }),
    ],
  },
}

/** Why a feature cannot be imported (error) or should be looked at (warning). */
export const importIssueCode = labelledEnum({
  invalid_geometry: { zh: '几何无效', en: 'Invalid geometry' },
  missing_geometry: { zh: '缺少几何', en: 'No geometry' },
  wrong_geometry_type: { zh: '几何类型不符', en: 'Wrong geometry type' },
  too_many_vertices: { zh: '顶点过多', en: 'Too many vertices' },
  outside_district: { zh: '位于辖区外', en: 'Outside the district' },
  partly_outside_district: { zh: '部分位于辖区外', en: 'Partly outside the district' },
  outside_user_streets: { zh: '超出本人负责的街道', en: 'Outside your streets' },
  swapped_coordinates: { zh: '经纬度疑似颠倒', en: 'Longitude and latitude look swapped' },
  wrong_crs: { zh: '坐标系疑似不符', en: 'Coordinates look like another system' },
  missing_attribute: { zh: '缺少必填属性', en: 'Required attribute missing' },
  invalid_value: { zh: '属性值无效', en: 'Invalid attribute value' },
  out_of_range: { zh: '属性值超出范围', en: 'Attribute out of range' },
  duplicate_code_in_file: { zh: '文件内编码重复', en: 'Code repeated in the file' },
  duplicate_code_existing: { zh: '编码已存在', en: 'Code already exists' },
  no_parent: { zh: '找不到所属社区/小区', en: 'No community/compound found for it' },
})
export type ImportIssueCode = z.infer<typeof importIssueCode.schema>

export const importIssue = z.object({
  code: importIssueCode.schema,
  severity: z.enum(['error', 'warning']),
  /** Target field (after mapping) or source column the issue is about; absent for geometry issues. */
  field: z.string().optional(),
  /** Specific reason in English, e.g. PostGIS's "Self-intersection[104.08 30.65]". */
  detail: z.string(),
})
export type ImportIssue = z.infer<typeof importIssue>

/** Source column → target field: `mapping[targetField] = sourceColumn` (null or absent: not imported). */
export const fieldMapping = z.record(z.string().max(100), z.string().max(200).nullable())
export type FieldMapping = z.infer<typeof fieldMapping>

/** Body of validate and commit: how to read the upload. */
export const importOptions = z
  .strictObject({
    target: importTarget.schema,
    crs: importCrs.schema.default('auto'),
    encoding: importEncoding.schema.default('auto'),
    mapping: fieldMapping
      .optional()
      .meta({ description: 'target field → source column; default: suggested' }),
    /** CSV: the columns holding the geometry (lon + lat, or wkt). Default: detected by name. */
    lonColumn: z.string().max(200).optional(),
    latColumn: z.string().max(200).optional(),
    wktColumn: z.string().max(200).optional(),
    /** Commit only the valid features and record the rest as skipped (default: any error refuses the commit). */
    skipInvalid: z.boolean().default(false),
  })
  .meta({ id: 'ImportOptions' })
export type ImportOptions = z.infer<typeof importOptions>

export const importStatus = labelledEnum({
  uploaded: { zh: '已上传，待检查', en: 'Uploaded, not yet committed' },
  committed: { zh: '已导入', en: 'Imported' },
  rolled_back: { zh: '已撤销', en: 'Rolled back' },
})
export type ImportStatus = z.infer<typeof importStatus.schema>

/** An import as recorded: who, when, which file, how it was read and what it wrote. */
export const importRecord = z
  .object({
    id: z.number().int(),
    status: importStatus.schema,
    target: importTarget.schema.nullable(),
    fileName: z.string(),
    fileBytes: z.number().int(),
    fileSha256: z.string(),
    format: importFormat.schema,
    crs: importCrs.schema.nullable(),
    encoding: importEncoding.schema.nullable(),
    mapping: fieldMapping.nullable(),
    counts: z.object({
      features: z.number().int(),
      valid: z.number().int().nullable(),
      invalid: z.number().int().nullable(),
      created: z.number().int().nullable(),
      skipped: z.number().int().nullable(),
    }),
    createdBy: z.object({ id: z.number().int(), username: z.string() }).nullable(),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    rolledBackAt: z.string().nullable(),
    rolledBackBy: z.object({ id: z.number().int(), username: z.string() }).nullable(),
  })
  .meta({ id: 'ImportRecord' })
export type ImportRecord = z.infer<typeof importRecord>

/** What the server read from an upload, before any mapping: the wizard's second step. */
export const importAnalysis = z
  .object({
    format: importFormat.schema,
    featureCount: z.number().int(),
    columns: z.array(z.string()),
    /** First rows as read (strings), for the mapping table. */
    sample: z.array(z.record(z.string(), z.unknown())).max(5),
    detectedCrs: importCrs.schema.nullable(),
    crsReason: z.string(),
    detectedEncoding: importEncoding.schema.nullable(),
    /** CSV only: geometry columns found by name. */
    geometryColumns: z.object({
      lon: z.string().nullable(),
      lat: z.string().nullable(),
      wkt: z.string().nullable(),
    }),
    /** Suggested mapping per target: remembered from a file of the same columns, or matched by name and alias. */
    suggestedMappings: z.record(importTarget.schema, fieldMapping),
    rememberedMapping: z.record(importTarget.schema, z.boolean()),
  })
  .meta({ id: 'ImportAnalysis' })
export type ImportAnalysis = z.infer<typeof importAnalysis>

export const importUploadResponse = z
  .object({ import: importRecord, analysis: importAnalysis })
  .meta({ id: 'ImportUpload' })
export type ImportUploadResponse = z.infer<typeof importUploadResponse>

export const importFeatureReport = z.object({
  /** 1-based position of the feature in the file. */
  n: z.number().int(),
  code: z.string().nullable(),
  status: z.enum(['valid', 'warning', 'invalid']),
  issues: z.array(importIssue),
})
export type ImportFeatureReport = z.infer<typeof importFeatureReport>

/** Most features listed in a report and drawn in its preview; counts always cover the whole file. */
export const MAX_REPORTED_FEATURES = 5_000

export const importValidationReport = z
  .object({
    importId: z.number().int(),
    target: importTarget.schema,
    crs: importCrs.schema,
    encoding: importEncoding.schema,
    mapping: fieldMapping,
    counts: z.object({
      features: z.number().int(),
      valid: z.number().int(),
      warning: z.number().int(),
      invalid: z.number().int(),
    }),
    /** Issue counts by code, for the summary line. */
    issueCounts: z.record(z.string(), z.number().int()),
    /** Features with their status: those with issues first, then the rest, at most MAX_REPORTED_FEATURES. */
    features: z.array(importFeatureReport),
    /** The features in WGS84 for the map preview: properties `n`, `status`, `code`, `name`. */
    preview: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
  })
  .meta({ id: 'ImportValidationReport' })
export type ImportValidationReport = z.infer<typeof importValidationReport>

export const importListQuery = z.strictObject({
  limit: intParam('limit', 1, 200).optional(),
  offset: intParam('offset', 0, 1_000_000).optional(),
})

export const importPage = z
  .object({ imports: z.array(importRecord), numberMatched: z.number().int() })
  .meta({ id: 'ImportPage' })

/** Query of the upload: which file it is (the body is the file itself). */
export const importUploadQuery = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, 'fileName is a file name without folders')
    .meta({ description: 'the uploaded file name, e.g. buildings.zip' }),
})

/** Header that makes a retried upload or commit return the first result instead of doing it again. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
export const idempotencyKey = z
  .string()
  .regex(/^[\w.:-]{8,100}$/, 'Idempotency-Key is 8–100 letters, digits, _ . : or -')
