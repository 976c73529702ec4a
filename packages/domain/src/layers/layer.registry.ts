// The layer registry: every map layer of the product, once — its words, geometry, fields (types, units, coded
// values), the zooms its vector tiles cover, whether it is exported and served by the OGC API, and who sees which of
// its rows. Tiles, TileJSON, exports, a bundle's README, the OGC collections, the import mapping and the web legend
// all read this table; the API adds only each layer's SQL source (apps/api/src/layers/layer-sources.ts).
import { z } from 'zod'
import type { Permission } from '../access.ts'
import {
  buildingStructure,
  facilityType,
  type Label,
  managementType,
  renovationStatus,
  roadClass,
} from '../labels.ts'
import { field, inTiles, type LayerField, type TileFieldType, tileFieldType, UNITS } from './layer-field.ts'

export type LayerGeometry = 'Polygon' | 'MultiPolygon' | 'LineString' | 'Point'

export interface LayerDefinition {
  label: Label
  /** One line for TileJSON and the OGC collection: English, with the Chinese term. */
  description: string
  geometry: LayerGeometry
  /** Every property of the layer, in the order exports write them. */
  fields: readonly LayerField[]
  access: {
    /** What a reader needs to see the layer at all. */
    permission: Permission
    /**
     * `all`: every reader sees every row (boundaries, roads, facilities). `in-streets`: a reader whose permission is
     * limited to some streets (a design institute) sees only the rows in them, on the map, in exports and in /ogc.
     */
    rows: 'all' | 'in-streets'
  }
  /** Vector tiles: the zooms the server makes (below minzoom a tile is empty; above maxzoom maps overzoom). */
  tiles?: { minzoom: number; maxzoom: number }
  /** Exported and served as an OGC collection; `cadLayer` is its DXF layer name (ASCII). */
  exchange?: { cadLayer: string }
}

const idField = field('id', 'id', 'integer', '编号', 'Record id')
const syntheticField = field('synthetic', 'synthetic', 'boolean', '合成数据', 'Synthetic (demo) data')
const codeOf = (zh: string, en: string, width: number) =>
  inTiles(field('code', 'code', 'string', zh, en, { width }))
const nameOf = (zh: string, width: number) => inTiles(field('name', 'name', 'string', zh, 'Name', { width }))
const streetCode = field('streetCode', 'street_cd', 'string', '街道代码', 'Street code', { width: 9 })
const streetName = field('streetName', 'street_nm', 'string', '街道', 'Street', { width: 60 })
const communityCode = field('communityCode', 'comm_cd', 'string', '社区代码', 'Community code', { width: 12 })
const builtYear = field('builtYear', 'built_year', 'integer', '建成年份', 'Year built', { unit: UNITS.year })
const households = field('households', 'households', 'integer', '户数', 'Households')
const floorArea = field('floorAreaM2', 'floor_m2', 'number', '建筑面积', 'Floor area', { unit: UNITS.m2 })
const compoundStatus = inTiles(
  field('renovationStatus', 'status', 'string', '改造状态', 'Renovation status', {
    values: renovationStatus.labels,
    width: 12,
  }),
)
const onOldRegister = inTiles(
  field('onOldRegister', 'old_reg', 'boolean', '列入老旧小区名录', 'On the old-compound register'),
)

const readAll = { permission: 'read', rows: 'all' } as const
const readInStreets = { permission: 'read', rows: 'in-streets' } as const

const compoundFields: readonly LayerField[] = [
  idField,
  codeOf('小区编码', 'Compound code', 32),
  nameOf('小区名称', 120),
  field('address', 'address', 'string', '地址', 'Address', { width: 200 }),
  inTiles(streetCode),
  streetName,
  inTiles(communityCode),
  field('communityName', 'comm_nm', 'string', '社区', 'Community', { width: 60 }),
  inTiles(builtYear),
  field('buildingCount', 'bldg_count', 'integer', '楼栋数', 'Buildings'),
  inTiles(households),
  field('residents', 'residents', 'integer', '人口', 'Residents'),
  floorArea,
  field('managementType', 'mgmt_type', 'string', '管理方式', 'Management', {
    values: managementType.labels,
    width: 20,
  }),
  onOldRegister,
  compoundStatus,
  inTiles(
    field('renovationYear', 'reno_year', 'integer', '改造完成年份', 'Year renovated', { unit: UNITS.year }),
  ),
  syntheticField,
]

/** What a compound's label point carries: its name and what the map filters and colours compounds by. */
const COMPOUND_LABEL_FIELDS = [
  'name',
  'streetCode',
  'communityCode',
  'renovationStatus',
  'onOldRegister',
  'builtYear',
  'households',
]

/**
 * What a building's tile carries of its compound, so that the map hides the buildings of the compounds its filters
 * hide with the same filter (map/compound-filter.ts): the compound's community, status, register, built year and
 * households. Only in tiles: an export names the compound by its code.
 */
const BUILDING_COMPOUND_TILE_FIELDS: readonly LayerField[] = [
  field('communityCode', 'comm_cd', 'string', '社区代码', 'Community code', { width: 12 }),
  field('compoundStatus', 'c_status', 'string', '所属小区改造状态', 'Compound renovation status', {
    values: renovationStatus.labels,
    width: 12,
  }),
  field(
    'compoundOnOldRegister',
    'c_old_reg',
    'boolean',
    '所属小区列入老旧小区名录',
    'Compound on the old-compound register',
  ),
  field('compoundBuiltYear', 'c_built', 'integer', '所属小区建成年份', 'Compound year built', {
    unit: UNITS.year,
  }),
  field('compoundHouseholds', 'c_hh', 'integer', '所属小区户数', 'Compound households'),
].map((f) => ({ ...f, tile: true, tileOnly: true }))

/** Layer id → definition. The order is the order of lists: OGC collections, export choices, the legend. */
export const LAYERS = {
  compounds: {
    label: { zh: '小区', en: 'Compounds' },
    description: 'Residential compounds (小区/院落) with their renovation status',
    geometry: 'Polygon',
    fields: compoundFields,
    access: readInStreets,
    tiles: { minzoom: 10, maxzoom: 16 },
    exchange: { cadLayer: 'COMPOUNDS' },
  },
  // A point inside each compound for its name: a symbol layer on the polygons would label every tile piece of one.
  'compound-labels': {
    label: { zh: '小区名称标注', en: 'Compound labels' },
    description:
      'Compound label points, one per compound inside its outline, with the properties maps filter by',
    geometry: 'Point',
    fields: compoundFields
      .filter((f) => COMPOUND_LABEL_FIELDS.includes(f.name))
      .map((f) => ({ ...f, tile: true, tileOnly: true })),
    access: readInStreets,
    tiles: { minzoom: 10, maxzoom: 16 },
  },
  buildings: {
    label: { zh: '楼栋', en: 'Buildings' },
    description: 'Building footprints (楼栋)',
    geometry: 'Polygon',
    fields: [
      idField,
      field('code', 'code', 'string', '楼栋编码', 'Building code', { width: 40 }),
      field('name', 'name', 'string', '楼栋名称', 'Name', { width: 60 }),
      field('compoundId', 'cmpd_id', 'integer', '所属小区编号', 'Compound id', {
        tile: true,
        tileOnly: true,
      }),
      field('compoundCode', 'cmpd_code', 'string', '所属小区编码', 'Compound code', { width: 32 }),
      field('compoundName', 'cmpd_name', 'string', '所属小区', 'Compound', { width: 120 }),
      inTiles(streetCode),
      ...BUILDING_COMPOUND_TILE_FIELDS,
      inTiles(field('storeys', 'storeys', 'integer', '层数', 'Storeys')),
      inTiles(households),
      builtYear,
      inTiles(field('hasLift', 'has_lift', 'boolean', '有电梯', 'Has a lift')),
      field('structure', 'structure', 'string', '结构', 'Structure', {
        values: buildingStructure.labels,
        width: 20,
      }),
      syntheticField,
    ],
    access: readInStreets,
    tiles: { minzoom: 14, maxzoom: 16 },
    exchange: { cadLayer: 'BUILDINGS' },
  },
  roads: {
    label: { zh: '道路', en: 'Roads' },
    description: 'Road centrelines with class and widths (道路)',
    geometry: 'LineString',
    fields: [
      idField,
      codeOf('道路编码', 'Road code', 32),
      nameOf('道路名称', 60),
      inTiles(
        field('roadClass', 'road_class', 'string', '道路等级', 'Road class', {
          values: roadClass.labels,
          width: 12,
        }),
      ),
      inTiles(
        field('redLineWidthM', 'red_line_m', 'number', '红线宽度', 'Red-line width', { unit: UNITS.m }),
      ),
      inTiles(
        field('carriagewayWidthM', 'carriage_m', 'number', '车行道宽度', 'Carriageway width', {
          unit: UNITS.m,
        }),
      ),
      field('lengthM', 'length_m', 'number', '长度', 'Length', { unit: UNITS.m }),
      syntheticField,
    ],
    access: readAll,
    tiles: { minzoom: 10, maxzoom: 16 },
    exchange: { cadLayer: 'ROADS' },
  },
  facilities: {
    label: { zh: '公共服务设施', en: 'Facilities' },
    description: 'Service facilities (公共服务设施)',
    geometry: 'Point',
    fields: [
      idField,
      codeOf('设施编码', 'Facility code', 32),
      nameOf('设施名称', 120),
      inTiles(
        field('facilityType', 'fac_type', 'string', '设施类型', 'Facility type', {
          values: facilityType.labels,
          width: 20,
        }),
      ),
      field('capacity', 'capacity', 'integer', '规模（床位/座位/车位等）', 'Capacity (beds, seats, spaces…)'),
      floorArea,
      syntheticField,
    ],
    access: readAll,
    tiles: { minzoom: 12, maxzoom: 16 },
    exchange: { cadLayer: 'FACILITIES' },
  },
  streets: {
    label: { zh: '街道', en: 'Streets' },
    description: 'Street outlines (街道)',
    geometry: 'MultiPolygon',
    fields: [
      idField,
      codeOf('街道代码', 'Street code (GB/T 2260)', 9),
      nameOf('街道名称', 60),
      syntheticField,
    ],
    access: readAll,
    tiles: { minzoom: 0, maxzoom: 16 },
    exchange: { cadLayer: 'STREETS' },
  },
  communities: {
    label: { zh: '社区', en: 'Communities' },
    description: 'Community outlines (社区)',
    geometry: 'MultiPolygon',
    fields: [
      idField,
      codeOf('社区代码', 'Community code', 12),
      nameOf('社区名称', 60),
      inTiles(streetCode),
      streetName,
      syntheticField,
    ],
    access: readAll,
    tiles: { minzoom: 8, maxzoom: 16 },
    exchange: { cadLayer: 'COMMUNITIES' },
  },
  district: {
    label: { zh: '区界', en: 'District' },
    description: 'District outline (区)',
    geometry: 'MultiPolygon',
    fields: [codeOf('区划代码', 'District code (GB/T 2260)', 6), nameOf('区名称', 60)],
    access: readAll,
    tiles: { minzoom: 0, maxzoom: 16 },
  },
} as const satisfies Record<string, LayerDefinition>

export type LayerId = keyof typeof LAYERS
export const LAYER_IDS = Object.keys(LAYERS) as [LayerId, ...LayerId[]]

export function isLayerId(id: string): id is LayerId {
  return Object.hasOwn(LAYERS, id)
}

/** A layer's definition, typed as the interface (the literal types of the table are for ids only). */
export function layerDefinition(id: LayerId): LayerDefinition {
  return LAYERS[id]
}

/** The coded values of a field with their words (a status, a class, a type), as the registry gives them. */
export function codedValues(id: LayerId, field: string): Readonly<Record<string, Label>> {
  const values = layerDefinition(id).fields.find((f) => f.name === field)?.values
  if (!values) throw new Error(`layer ${id} has no coded field ${field}`)
  return values
}

// ---------------------------------------------------------------------------------------------------------------
// Tiles: the layers with vector tiles and what their tiles carry

type IdsWith<Key extends string> = {
  [K in LayerId]: (typeof LAYERS)[K] extends Record<Key, unknown> ? K : never
}[LayerId]

export type TileLayerName = IdsWith<'tiles'>
export const TILE_LAYER_NAMES = LAYER_IDS.filter((id) => layerDefinition(id).tiles) as [
  TileLayerName,
  ...TileLayerName[],
]

export function isTileLayerName(name: string): name is TileLayerName {
  return (TILE_LAYER_NAMES as readonly string[]).includes(name)
}

/** The fields a layer's tiles carry (the feature id is the row id), as TileJSON types them. */
export function tileFields(id: TileLayerName): Record<string, TileFieldType> {
  return Object.fromEntries(
    layerDefinition(id)
      .fields.filter((f) => f.tile)
      .map((f) => [f.name, tileFieldType(f.type)]),
  )
}

export interface TileLayerView {
  minzoom: number
  maxzoom: number
  description: string
  fields: Record<string, TileFieldType>
}

/** A record of one value per layer id, made from the ids. */
function viewOf<K extends LayerId, V>(ids: readonly K[], view: (id: K) => V): Readonly<Record<K, V>> {
  return Object.fromEntries(ids.map((id) => [id, view(id)])) as Record<K, V>
}

/** The tile view of the registry, per tile layer. */
export const TILE_LAYERS = viewOf(TILE_LAYER_NAMES, (id): TileLayerView => {
  const { tiles, description } = layerDefinition(id)
  if (!tiles) throw new Error(`layer ${id} has no tiles`)
  return { ...tiles, description, fields: tileFields(id) }
})

// ---------------------------------------------------------------------------------------------------------------
// Exchange: the layers exported and served by the OGC API, with the fields they write

export type ExportLayer = IdsWith<'exchange'>
const EXPORT_LAYER_IDS = LAYER_IDS.filter((id) => layerDefinition(id).exchange) as [
  ExportLayer,
  ...ExportLayer[],
]

/** The exported layers as an enumeration with labels, like every other coded value. */
export const exportLayer = {
  schema: z.enum(EXPORT_LAYER_IDS),
  values: EXPORT_LAYER_IDS,
  labels: Object.fromEntries(EXPORT_LAYER_IDS.map((id) => [id, LAYERS[id].label])) as Record<
    ExportLayer,
    Label
  >,
}

/** A field as files write it: every field of the registry but the tile-only ones. */
export type ExchangeField = Omit<LayerField, 'tile' | 'tileOnly'>

export interface ExchangeLayerView {
  label: Label
  geometry: LayerGeometry
  cadLayer: string
  fields: readonly ExchangeField[]
}

/** The exchange view of the registry, per exported layer: what exports, their README and /ogc write. */
export const EXCHANGE_LAYERS = viewOf(EXPORT_LAYER_IDS, (id): ExchangeLayerView => {
  const { label, geometry, exchange, fields } = layerDefinition(id)
  if (!exchange) throw new Error(`layer ${id} is not exported`)
  const written = fields.filter((f) => !f.tileOnly).map(({ tile: _t, tileOnly: _o, ...f }) => f)
  return { label, geometry, cadLayer: exchange.cadLayer, fields: written }
})
