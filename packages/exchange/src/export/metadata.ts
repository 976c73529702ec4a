// The metadata sidecar (metadata.json) of an export: which coordinate system the files are in, which layers and
// fields they hold, how they were filtered and where the data come from. RFC 7946 allows systems other than WGS84
// only by prior arrangement; this file is that arrangement written down.
import {
  CRS_INFO,
  EXCHANGE_LAYERS,
  type ExportCrs,
  type ExportFormat,
  type ExportLayer,
  type ExportMetadata,
} from '@renewal-atlas/domain'
import { CRS_DESCRIPTIONS } from './crs-description.ts'

/** What was exported: the input of exportMetadata and bundleReadme. */
export interface ExportDescription {
  layers: { layer: ExportLayer; file: string; features: number }[]
  crs: ExportCrs
  format: ExportFormat
  filter: Record<string, unknown>
  generatedAt: Date
  /** The data hold synthetic (demo) records. */
  synthetic: boolean
}

export const GENERATOR = 'Renewal Atlas'

/** Where the data come from, in Chinese and English. */
export function provenance(synthetic: boolean): { zh: string; en: string } {
  if (!synthetic) {
    return {
      zh: 'Renewal Atlas 数据库导出。',
      en: 'Exported from the Renewal Atlas database.',
    }
  }
  return {
    zh:
      '区界以及街道、社区的代码和名称为真实数据；街道和社区的边界以及小区、楼栋、道路、设施及其全部属性均为合成的演示数据，' +
      '字段 synthetic 为 true 的要素不是调查数据，不得用于规划决策或统计。',
    en:
      'The district outline and the codes and names of streets and communities are real; street and community ' +
      'outlines and every compound, building, road and facility with all their attributes are synthetic demo data. ' +
      'Features with synthetic = true are not survey data and must not be used for planning decisions or statistics.',
  }
}

export function exportMetadata(input: ExportDescription): ExportMetadata {
  const info = CRS_INFO[input.crs]
  const description = CRS_DESCRIPTIONS[input.crs]
  return {
    generator: GENERATOR,
    generatedAt: input.generatedAt.toISOString(),
    crs: {
      code: input.crs,
      epsg: info.epsg,
      uri: info.uri,
      name: description.name.en,
      units: info.units,
      axisOrder: description.axisOrder.en,
    },
    format: input.format,
    layers: input.layers.map(({ layer, file, features }) => ({
      layer,
      file,
      features,
      geometry: EXCHANGE_LAYERS[layer].geometry,
      fields: EXCHANGE_LAYERS[layer].fields.map((field) => ({
        name: field.name,
        dbf: field.dbf,
        type: field.type,
        zh: field.label.zh,
        en: field.label.en,
        unit: field.unit?.en ?? null,
      })),
    })),
    filter: input.filter,
    synthetic: input.synthetic,
    source: provenance(input.synthetic).en,
  }
}
