// Imports of survey files: what a planner uploads, how its fields map onto a layer's (the registry's fields plus the
// rules an imported value meets), the per-feature validation report and the import records.
import { z } from 'zod'
import { intParam } from '../api.schema.ts'
import { type Label, labelledEnum } from '../labels.ts'
import { exportLayer, layerDefinition } from '../layers/layer.registry.ts'
import type { FieldType } from '../layers/layer-field.ts'
import { exportCrs } from './crs.schema.ts'
import { importIssue, importReasonData } from './import-reason.ts'

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

/**
 * Square metres a building imported into a compound may overlap an existing building of that compound before the
 * check warns (overlaps_building): slivers along a shared wall drawn a few centimetres apart stay below it, a
 * building surveyed twice does not.
 */
export const BUILDING_OVERLAP_TOLERANCE_M2 = 2

/** A field of the target layer as an import fills it: the registry's words, type, unit and codes, and the rules. */
export interface ImportFieldSpec {
  name: string
  label: Label
  type: FieldType
  unit?: Label
  /** Allowed codes; Chinese or English labels of them are accepted too. */
  values?: Readonly<Record<string, Label>>
  required: boolean
  min?: number
  max?: number
  /** Other source column names recognised for this field (lower-case), e.g. 名称, mc, xqmc. */
  aliases: readonly string[]
}

interface ImportRules {
  required?: boolean
  min?: number
  max?: number
  aliases?: readonly string[]
  /** Words added to the label, e.g. that an empty code is resolved by location. */
  hint?: Label
}

/** The target layer's field `name` from the registry, with the rules an imported value meets. */
function importField(
  target: ImportTarget,
  name: string,
  { hint, ...rules }: ImportRules = {},
): ImportFieldSpec {
  const spec = layerDefinition(target).fields.find((f) => f.name === name)
  if (!spec) throw new Error(`layer ${target} has no field ${name}`)
  const label = hint
    ? { zh: `${spec.label.zh}（${hint.zh}）`, en: `${spec.label.en} (${hint.en})` }
    : spec.label
  return {
    name,
    label,
    type: spec.type,
    ...(spec.unit ? { unit: spec.unit } : {}),
    ...(spec.values ? { values: spec.values } : {}),
    required: false,
    aliases: [],
    ...rules,
  }
}

const byLocation: Label = { zh: '空则按位置', en: 'else by location' }

export interface ImportTargetSpec {
  geometry: 'Polygon' | 'Point'
  fields: readonly ImportFieldSpec[]
}

export const IMPORT_TARGETS: Readonly<Record<ImportTarget, ImportTargetSpec>> = {
  compounds: {
    geometry: 'Polygon',
    fields: [
      importField('compounds', 'code', {
        required: true,
        aliases: ['编码', '小区编码', 'bm', 'xqbm', 'id_code'],
      }),
      importField('compounds', 'name', { required: true, aliases: ['名称', '小区名称', 'mc', 'xqmc'] }),
      importField('compounds', 'address', { aliases: ['地址', 'dz', 'addr'] }),
      importField('compounds', 'communityCode', {
        aliases: ['社区代码', 'comm_cd', 'sqdm'],
        hint: byLocation,
      }),
      importField('compounds', 'builtYear', {
        min: 1900,
        max: 2100,
        aliases: ['建成年份', '建成年代', 'built_year', 'jcnf'],
      }),
      importField('compounds', 'buildingCount', {
        min: 0,
        max: 1000,
        aliases: ['楼栋数', 'bldg_count', 'lds'],
      }),
      importField('compounds', 'households', { min: 0, max: 100_000, aliases: ['户数', 'hs'] }),
      importField('compounds', 'residents', { min: 0, max: 500_000, aliases: ['人口', '人数', 'rk'] }),
      importField('compounds', 'floorAreaM2', {
        min: 0,
        max: 10_000_000,
        aliases: ['建筑面积', 'floor_m2', 'jzmj'],
      }),
      importField('compounds', 'managementType', { aliases: ['管理方式', 'mgmt_type'] }),
      importField('compounds', 'onOldRegister', { aliases: ['老旧小区', 'old_reg'] }),
      importField('compounds', 'renovationStatus', { aliases: ['改造状态', 'status'] }),
      importField('compounds', 'renovationYear', {
        min: 1900,
        max: 2100,
        aliases: ['改造年份', '改造完成年份', 'reno_year'],
      }),
    ],
  },
  buildings: {
    geometry: 'Polygon',
    fields: [
      importField('buildings', 'code', { required: true, aliases: ['编码', '楼栋编码', 'bm', 'ldbm'] }),
      importField('buildings', 'compoundCode', {
        aliases: ['小区编码', 'cmpd_code', 'xqbm'],
        hint: byLocation,
      }),
      importField('buildings', 'name', { aliases: ['名称', '楼栋名称', 'mc', 'ldmc'] }),
      importField('buildings', 'storeys', { min: 1, max: 200, aliases: ['层数', 'cs', 'floors'] }),
      importField('buildings', 'households', { min: 0, max: 10_000, aliases: ['户数', 'hs'] }),
      importField('buildings', 'builtYear', {
        min: 1900,
        max: 2100,
        aliases: ['建成年份', '建成年代', 'built_year', 'jcnf'],
      }),
      importField('buildings', 'hasLift', { aliases: ['电梯', '有无电梯', 'has_lift'] }),
      importField('buildings', 'structure', { aliases: ['结构', '建筑结构', 'jg'] }),
    ],
  },
  facilities: {
    geometry: 'Point',
    fields: [
      importField('facilities', 'code', { required: true, aliases: ['编码', '设施编码', 'bm'] }),
      importField('facilities', 'name', { required: true, aliases: ['名称', '设施名称', 'mc'] }),
      importField('facilities', 'facilityType', {
        required: true,
        aliases: ['类型', '设施类型', 'fac_type', 'type', 'lx'],
      }),
      importField('facilities', 'capacity', { min: 0, max: 1_000_000, aliases: ['规模', 'capacity'] }),
      importField('facilities', 'floorAreaM2', {
        min: 0,
        max: 10_000_000,
        aliases: ['建筑面积', 'floor_m2', 'jzmj'],
      }),
    ],
  },
}

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
    /** Why the system was detected as it was (or could not be): a reason code and its parameters. */
    crsReason: importReasonData,
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
