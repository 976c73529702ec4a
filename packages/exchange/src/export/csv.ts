// CSV export of a layer for spreadsheets and GIS: UTF-8 with a BOM (so Excel reads Chinese), CRLF, RFC 4180
// quoting, the catalogue's field names as the header, and the geometry as WKT or, for points, lon/lat columns.
import {
  CSV_BOM,
  CSV_CRLF,
  csvQuote,
  EXCHANGE_LAYERS,
  type ExchangeField,
  type ExportLayer,
  guardFormula,
} from '@renewal-atlas/domain'
import { geojsonToWKT } from '@terraformer/wkt'
import type { ExportFeature } from '../types.ts'
import { fieldValue } from './field-value.ts'
import { prepareGeometry } from './geometry.ts'

export interface CsvOptions {
  /** `wkt`: one WKT column; `lonlat`: `lon` and `lat` columns (point layers only). */
  geometry: 'wkt' | 'lonlat'
  decimals: number
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/

/**
 * The layer as CSV text, one batch of rows per chunk, one feature per line (unless a text holds a line break).
 * Throws a TypeError at once for `lonlat` on a layer that is not made of points.
 */
export function csvChunks(
  layer: ExportLayer,
  batches: AsyncIterable<ExportFeature[]>,
  options: CsvOptions,
): AsyncIterable<string> {
  const spec = EXCHANGE_LAYERS[layer]
  if (options.geometry === 'lonlat' && spec.geometry !== 'Point') {
    throw new TypeError(`lon/lat columns need a point layer; ${layer} holds ${spec.geometry} geometries`)
  }
  return csvLines(spec.fields, batches, options)
}

async function* csvLines(
  fields: readonly ExchangeField[],
  batches: AsyncIterable<ExportFeature[]>,
  options: CsvOptions,
): AsyncIterable<string> {
  const geometryColumns = options.geometry === 'wkt' ? ['wkt'] : ['lon', 'lat']
  yield CSV_BOM + [...fields.map((field) => field.name), ...geometryColumns].join(',') + CSV_CRLF
  for await (const batch of batches) {
    if (batch.length === 0) continue
    const rows = batch.map((feature) => {
      const cells = fields.map((field) => csvCell(field, fieldValue(feature, field.name)))
      return [...cells, ...geometryCells(feature, options)].join(',') + CSV_CRLF
    })
    yield rows.join('')
  }
}

function geometryCells(feature: ExportFeature, options: CsvOptions): string[] {
  const geometry = feature.geometry && prepareGeometry(feature.geometry, options.decimals, 'ccw')
  if (options.geometry === 'wkt') return [geometry ? csvQuote(geojsonToWKT(geometry)) : '']
  if (!geometry) return ['', '']
  if (geometry.type !== 'Point') {
    throw new TypeError(`feature ${feature.id}: lon/lat columns need a Point, not a ${geometry.type}`)
  }
  const [lon, lat] = geometry.coordinates as number[]
  return [String(lon), String(lat)]
}

/**
 * A cell: numbers as they are (numeric fields may arrive as numeric text), never guarded, so -3 stays -3; other
 * text guarded against formula injection and quoted (packages/domain/src/csv-cell.ts).
 */
function csvCell(field: ExchangeField, value: string | number | boolean | null): string {
  if (value === null) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const numeric = field.type === 'integer' || field.type === 'number'
  if (numeric && NUMBER_TEXT.test(value)) return value
  return csvQuote(guardFormula(value))
}
