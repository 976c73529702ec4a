// The SQL source of each layer of the registry: its table, the parent tables it looks up, and one SQL expression per
// registry field. Vector tiles select the fields their tiles carry, exports and /ogc the fields files carry, from this
// one description; a new layer is its registry entry plus its source here. Constants of ours: no identifier or
// expression here ever comes from a request.
import { LAYER_IDS, type LayerId, layerDefinition, type TileLayerName } from '@renewal-atlas/domain'
import type { Knex } from 'knex'

/** A parent table joined by key (an inner join: a row without its parent is not drawn or exported). */
export interface Lookup {
  alias: string
  table: string
  /** `alias.key = earlier.column` */
  on: readonly [string, string]
}

export interface LayerSource {
  /** The table whose rows are the layer's features, aliased `t`; its `geom` selects rows by the GiST index. */
  table: string
  /**
   * Parent lookups, a chain in order (each may name the ones before it); a query takes the chain up to the last
   * alias its columns name, so a tile of buildings joins nothing while their export joins compound, community, street.
   */
  lookups?: readonly Lookup[]
  /** Registry field → its SQL. Every field of the registry entry, and nothing else. */
  columns: Readonly<Record<string, string>>
  /**
   * The drawn geometry as SQL over `t.geom` (4326), when it is not `t.geom` itself (a label point). Rows are still
   * selected by `t.geom && box`, so a derived geometry must lie within `t.geom`'s box.
   */
  geometry?: string
  /** Layers whose changes also change this layer's tiles (the parents its tile fields or geometry read). */
  reads: readonly LayerId[]
  /**
   * For a layer whose rows a street-limited reader sees only in its streets (registry `rows: in-streets`): the
   * condition that a row lies in the streets bound to its one `?` (an int[]).
   */
  inStreets?: string
  /** Where the map's filters apply: the alias of the compound (status, register, build years), street, community. */
  filters?: { compound?: 't' | 'c'; street?: 't' | 's'; community?: 't' | 'cm' }
}

const IN_STREET_COMMUNITY = 't.community_id in (select id from communities where street_id = any(?::int[]))'

const COMMUNITY: Lookup = { alias: 'cm', table: 'communities', on: ['cm.id', 't.community_id'] }
const STREET_OF_COMMUNITY: Lookup = { alias: 's', table: 'streets', on: ['s.id', 'cm.street_id'] }

const compoundColumns = {
  id: 't.id',
  code: 't.code',
  name: 't.name',
  address: 't.address',
  streetCode: 's.code',
  streetName: 's.name',
  communityCode: 'cm.code',
  communityName: 'cm.name',
  builtYear: 't.built_year',
  buildingCount: 't.building_count',
  households: 't.households',
  residents: 't.residents',
  floorAreaM2: 't.floor_area_m2',
  managementType: 't.management_type',
  onOldRegister: 't.on_old_register',
  renovationStatus: 't.renovation_status',
  renovationYear: 't.renovation_year',
  synthetic: 't.synthetic',
}

export const LAYER_SOURCES: Readonly<Record<LayerId, LayerSource>> = {
  compounds: {
    table: 'compounds',
    lookups: [COMMUNITY, STREET_OF_COMMUNITY],
    columns: compoundColumns,
    reads: ['communities', 'streets'],
    inStreets: IN_STREET_COMMUNITY,
    filters: { compound: 't', street: 's', community: 'cm' },
  },
  'compound-labels': {
    table: 'compounds',
    lookups: [COMMUNITY, STREET_OF_COMMUNITY],
    columns: compoundColumns,
    geometry: 'ST_PointOnSurface(t.geom)',
    reads: ['compounds', 'communities', 'streets'],
    inStreets: IN_STREET_COMMUNITY,
    filters: { compound: 't', street: 's', community: 'cm' },
  },
  buildings: {
    table: 'buildings',
    lookups: [
      { alias: 'c', table: 'compounds', on: ['c.id', 't.compound_id'] },
      { alias: 'cm', table: 'communities', on: ['cm.id', 'c.community_id'] },
      STREET_OF_COMMUNITY,
    ],
    columns: {
      id: 't.id',
      code: 't.code',
      name: 't.name',
      compoundId: 't.compound_id',
      compoundCode: 'c.code',
      compoundName: 'c.name',
      streetCode: 's.code',
      communityCode: 'cm.code',
      compoundStatus: 'c.renovation_status',
      compoundOnOldRegister: 'c.on_old_register',
      compoundBuiltYear: 'c.built_year',
      compoundHouseholds: 'c.households',
      storeys: 't.storeys',
      households: 't.households',
      builtYear: 't.built_year',
      hasLift: 't.has_lift',
      structure: 't.structure',
      synthetic: 't.synthetic',
    },
    // Its tiles carry the compound's status, register, years and households, and its street and community.
    reads: ['compounds', 'communities', 'streets'],
    inStreets:
      't.compound_id in (select c.id from compounds as c join communities as cm on cm.id = c.community_id' +
      ' where cm.street_id = any(?::int[]))',
    filters: { compound: 'c', street: 's', community: 'cm' },
  },
  roads: {
    table: 'roads',
    columns: {
      id: 't.id',
      code: 't.code',
      name: 't.name',
      roadClass: 't.road_class',
      redLineWidthM: 't.red_line_width_m',
      carriagewayWidthM: 't.carriageway_width_m',
      lengthM: 'round(ST_Length(t.geom::geography)::numeric, 1)::double precision',
      synthetic: 't.synthetic',
    },
    reads: [],
  },
  facilities: {
    table: 'facilities',
    columns: {
      id: 't.id',
      code: 't.code',
      name: 't.name',
      facilityType: 't.facility_type',
      capacity: 't.capacity',
      floorAreaM2: 't.floor_area_m2',
      synthetic: 't.synthetic',
    },
    reads: [],
  },
  streets: {
    table: 'streets',
    columns: { id: 't.id', code: 't.code', name: 't.name', synthetic: 't.synthetic' },
    reads: [],
    filters: { street: 't' },
  },
  communities: {
    table: 'communities',
    lookups: [{ alias: 's', table: 'streets', on: ['s.id', 't.street_id'] }],
    columns: {
      id: 't.id',
      code: 't.code',
      name: 't.name',
      streetCode: 's.code',
      streetName: 's.name',
      synthetic: 't.synthetic',
    },
    reads: ['streets'],
    filters: { street: 's', community: 't' },
  },
  district: {
    table: 'districts',
    columns: { code: 't.code', name: 't.name' },
    reads: [],
  },
}

// The registry and the sources must name the same fields, and agree on who sees which rows: checked once, at load.
for (const id of LAYER_IDS) {
  const { fields, access } = layerDefinition(id)
  const source = LAYER_SOURCES[id]
  const registry = fields.map((f) => f.name).join(',')
  const missing = fields.filter((f) => !(f.name in source.columns)).map((f) => f.name)
  if (missing.length) throw new Error(`layer ${id}: no SQL for ${missing.join(', ')} (registry: ${registry})`)
  if ((access.rows === 'in-streets') !== (source.inStreets !== undefined)) {
    throw new Error(
      `layer ${id}: rows ${access.rows} but inStreets is ${source.inStreets ? 'set' : 'missing'}`,
    )
  }
}

/** The SQL expression of a layer's drawn geometry (4326). */
export function geometryOf(layer: LayerId): string {
  return LAYER_SOURCES[layer].geometry ?? 't.geom'
}

/** Whether a street-limited reader sees only some rows of the layer. */
export function isStreetScoped(layer: LayerId): boolean {
  return LAYER_SOURCES[layer].inStreets !== undefined
}

/**
 * The layer's table as `t` with the lookups that `expressions` name (the chain up to the last alias used), or every
 * lookup when `expressions` is absent.
 */
export function layerFrom(knex: Knex, layer: LayerId, expressions?: readonly string[]): Knex.QueryBuilder {
  const source = LAYER_SOURCES[layer]
  const query = knex({ t: source.table })
  const lookups = source.lookups ?? []
  const used = expressions
    ? lookups.findLastIndex((l) => expressions.some((sql) => new RegExp(`\\b${l.alias}\\.`).test(sql)))
    : lookups.length - 1
  for (const lookup of lookups.slice(0, used + 1)) {
    query.join({ [lookup.alias]: lookup.table }, lookup.on[0], lookup.on[1])
  }
  return query
}

/** The SQL of the fields a layer's tiles carry, by field name. */
export function tileColumns(layer: TileLayerName): [name: string, sql: string][] {
  const { columns } = LAYER_SOURCES[layer]
  return layerDefinition(layer)
    .fields.filter((f) => f.tile)
    .map((f) => [f.name, columns[f.name] as string])
}

/** The SQL of the fields files carry, in registry order. */
export function exchangeColumns(layer: LayerId): [name: string, sql: string][] {
  const { columns } = LAYER_SOURCES[layer]
  return layerDefinition(layer)
    .fields.filter((f) => !f.tileOnly)
    .map((f) => [f.name, columns[f.name] as string])
}

/** The tile layers whose tiles change when `topic` changes: the layer itself and those that read it. */
export function tileLayersChangedBy(topic: string): TileLayerName[] {
  return LAYER_IDS.filter(
    (id): id is TileLayerName =>
      layerDefinition(id).tiles !== undefined &&
      (id === topic || (LAYER_SOURCES[id].reads as readonly string[]).includes(topic)),
  )
}
