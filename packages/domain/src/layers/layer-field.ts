// A field of a map layer: its property name, type, words, unit and coded values — written once, in the layer's
// registry entry, and read by vector tiles, TileJSON, exports (GeoJSON, CSV, Shapefile, DXF), a bundle's README, the
// OGC API, the import field mapping and the web legend.
import { AREA_UNIT } from '../format/number-format.ts'
import type { Label } from '../labels.ts'

export type FieldType = 'string' | 'integer' | 'number' | 'boolean'

/** MVT property types, as TileJSON's `vector_layers[].fields` names them. */
export type TileFieldType = 'String' | 'Number' | 'Boolean'

export interface LayerField {
  /** Property name in tiles, GeoJSON, CSV headers and the API (camelCase). */
  name: string
  type: FieldType
  label: Label
  /** Unit of a measure: m, m², a year. */
  unit?: Label
  /** Coded values and their meanings (a README, the OGC description and the legend list them). */
  values?: Readonly<Record<string, Label>>
  /** Shapefile (dBASE) column name: at most 10 ASCII characters, unique in the layer. */
  dbf: string
  /** dBASE width in bytes (strings: UTF-8 bytes). */
  width?: number
  /** Carried in the layer's vector tiles; tiles are fetched by the hundred, so they carry few fields. */
  tile?: boolean
  /** Only in tiles (a key the map joins on, such as a parent id); left out of exports and the OGC API. */
  tileOnly?: boolean
}

export const UNITS = {
  m: { zh: '米', en: 'm' },
  m2: { zh: '平方米', en: AREA_UNIT },
  year: { zh: '年', en: 'year' },
} as const satisfies Record<string, Label>

/** A field; `extra` adds its unit, coded values, width and where it is carried. */
export function field(
  name: string,
  dbf: string,
  type: FieldType,
  zh: string,
  en: string,
  extra: Omit<Partial<LayerField>, 'name' | 'dbf' | 'type' | 'label'> = {},
): LayerField {
  return { name, dbf, type, label: { zh, en }, ...extra }
}

/** The same field, also carried in tiles. */
export const inTiles = (f: LayerField): LayerField => ({ ...f, tile: true })

export function tileFieldType(type: FieldType): TileFieldType {
  if (type === 'string') return 'String'
  if (type === 'boolean') return 'Boolean'
  return 'Number'
}
