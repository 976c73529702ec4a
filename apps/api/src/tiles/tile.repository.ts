// Vector tile data: the one-statement PostGIS tile query (server) and a layer's features as GeoJSON (embedded).
import { TILE_BUFFER, TILE_EXTENT, type TileLayerName } from '@renewal-atlas/domain'
import type { Knex } from 'knex'

export interface TileAddress {
  z: number
  x: number
  y: number
}

interface LayerSource {
  /** The table whose `geom` the layer draws (or derives its geometry from); aliased `t`. */
  table: string
  /**
   * The drawn geometry as SQL over `t.geom` (4326), when it is not `t.geom` itself. Tiles still select rows by
   * `t.geom && envelope`, which the GiST index on geom answers; a derived geometry must lie within `t.geom`'s box.
   */
  geometry?: string
  /** Tables the properties also read, so that a change to them invalidates the layer's tiles too. */
  reads: readonly string[]
  join?: (query: Knex.QueryBuilder) => void
  /** `t.id` plus exactly the properties of TILE_LAYERS[layer].fields, as `column as camelCaseName`. */
  columns: readonly string[]
  /**
   * On the layers of compound-level records only: the SQL condition that a row lies in the streets bound to its one
   * `?` (an int[]), for readers limited to their streets. Boundaries, roads and facilities are public and have none.
   */
  inStreets?: string
}

const COMPOUND_IN_STREETS = 't.community_id in (select id from communities where street_id = any(?::int[]))'

const joinCommunityAndStreet = (q: Knex.QueryBuilder) =>
  q.join('communities as cm', 'cm.id', 't.community_id').join('streets as s', 's.id', 'cm.street_id')

/** Layer → table and columns. Constants of ours: no identifier here ever comes from a request. */
export const TILE_LAYER_SOURCES: Record<TileLayerName, LayerSource> = {
  district: { table: 'districts', reads: ['districts'], columns: ['t.id', 't.code', 't.name'] },
  streets: { table: 'streets', reads: ['streets'], columns: ['t.id', 't.code', 't.name'] },
  communities: {
    table: 'communities',
    reads: ['communities', 'streets'],
    join: (q) => q.join('streets as s', 's.id', 't.street_id'),
    columns: ['t.id', 't.code', 't.name', 's.code as streetCode'],
  },
  compounds: {
    table: 'compounds',
    reads: ['compounds', 'communities', 'streets'],
    join: joinCommunityAndStreet,
    inStreets: COMPOUND_IN_STREETS,
    columns: [
      't.id',
      't.code',
      't.name',
      's.code as streetCode',
      'cm.code as communityCode',
      't.renovation_status as renovationStatus',
      't.on_old_register as onOldRegister',
      't.built_year as builtYear',
      't.households',
      't.renovation_year as renovationYear',
    ],
  },
  // A point inside each compound, for its name: a symbol layer on the polygons labels every tile piece of one.
  'compound-labels': {
    table: 'compounds',
    geometry: 'ST_PointOnSurface(t.geom)',
    reads: ['compounds', 'communities', 'streets'],
    join: joinCommunityAndStreet,
    inStreets: COMPOUND_IN_STREETS,
    columns: [
      't.id',
      't.name',
      's.code as streetCode',
      'cm.code as communityCode',
      't.renovation_status as renovationStatus',
      't.on_old_register as onOldRegister',
      't.built_year as builtYear',
      't.households',
    ],
  },
  buildings: {
    table: 'buildings',
    reads: ['buildings'],
    columns: ['t.id', 't.compound_id as compoundId', 't.storeys', 't.households', 't.has_lift as hasLift'],
    inStreets:
      't.compound_id in (select c.id from compounds as c join communities as cm on cm.id = c.community_id' +
      ' where cm.street_id = any(?::int[]))',
  },
  roads: {
    table: 'roads',
    reads: ['roads'],
    columns: [
      't.id',
      't.code',
      't.name',
      't.road_class as roadClass',
      't.red_line_width_m as redLineWidthM',
      't.carriageway_width_m as carriagewayWidthM',
    ],
  },
  facilities: {
    table: 'facilities',
    reads: ['facilities'],
    columns: ['t.id', 't.code', 't.name', 't.facility_type as facilityType'],
  },
}

/** The SQL expression of a layer's drawn geometry (4326). */
function geometryOf(layer: TileLayerName): string {
  return TILE_LAYER_SOURCES[layer].geometry ?? 't.geom'
}

/** Whether the layer holds compound-level records, which readers limited to some streets see only there. */
export function isStreetScoped(layer: TileLayerName): boolean {
  return TILE_LAYER_SOURCES[layer].inStreets !== undefined
}

/**
 * The street ids a layer's rows are narrowed to, or null for all rows. Street ids are one binding (an int[]), so
 * the statement is the same whatever the streets.
 */
export type StreetFilter = number[] | null

/** The layer's table as `t`, narrowed to the streets when the layer is street-scoped and streets are given. */
function layerTable(knex: Knex, layer: TileLayerName, streets: StreetFilter): Knex.QueryBuilder {
  const source = TILE_LAYER_SOURCES[layer]
  const query = knex({ t: source.table })
  if (streets && source.inStreets) query.whereRaw(source.inStreets, [streets])
  return query
}

function layerQuery(knex: Knex, layer: TileLayerName, streets: StreetFilter): Knex.QueryBuilder {
  const source = TILE_LAYER_SOURCES[layer]
  const query = layerTable(knex, layer, streets).select(source.columns)
  source.join?.(query)
  return query
}

/**
 * The whole tile as one SQL statement: features whose bounding box meets the tile plus its buffer (`&&` against a
 * 4326 box, so the GiST index on geom is used), clipped and quantised by ST_AsMVTGeom, encoded by ST_AsMVT with the
 * row id as the feature id. A derived geometry (a label point) is computed only for the rows the prefilter keeps, and
 * ST_AsMVTGeom drops the points outside the tile and its buffer. z/x/y are bound values. PostGIS ≥ 3.1
 * (ST_TileEnvelope with margin).
 */
export function tileQuery(
  knex: Knex,
  layer: TileLayerName,
  { z, x, y }: TileAddress,
  streets: StreetFilter = null,
): Knex.Raw {
  const margin = TILE_BUFFER / TILE_EXTENT
  const features = layerQuery(knex, layer, streets)
    .select(
      knex.raw(
        `ST_AsMVTGeom(ST_Transform(${geometryOf(layer)}, 3857), ST_TileEnvelope(?, ?, ?), ?, ?, true) as geom`,
        [z, x, y, TILE_EXTENT, TILE_BUFFER],
      ),
    )
    .whereRaw('t.geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), 4326)', [z, x, y, margin])
  // Ordered by id inside the aggregate (not the scan, so the plan is unchanged): equal data give equal bytes and ETag.
  return knex.raw(
    "select ST_AsMVT(q, ?, ?, 'geom', 'id' order by q.id) as mvt from (?) as q where q.geom is not null",
    [layer, TILE_EXTENT, features],
  )
}

/** The tile statement as the pg driver receives it ($1 … placeholders), for running it straight (benchmark). */
export function tileStatement(
  knex: Knex,
  layer: TileLayerName,
  tile: TileAddress,
  streets: StreetFilter = null,
): { sql: string; bindings: readonly unknown[] } {
  const native = tileQuery(knex, layer, tile, streets).toSQL().toNative()
  return { sql: native.sql, bindings: native.bindings }
}

interface PgConnection {
  query(config: {
    name: string
    text: string
    values: unknown[]
  }): Promise<{ rows: { mvt?: Buffer | null }[] }>
}

interface PreparedTile {
  name: string
  text: string
  values(tile: TileAddress, streets: StreetFilter): unknown[]
}

// Stand-ins for z, x and y while the statement is built once; no real binding takes these values.
const Z = -910_001
const X = -910_002
const Y = -910_003
/** Stand-in for the street ids of a street-narrowed statement, known by identity. */
const STREETS: number[] = [-910_004]

/** The tile statement of a layer, for all rows or (`scoped`) for the rows in the streets bound at each run. */
function prepareTile(knex: Knex, layer: TileLayerName, scoped: boolean): PreparedTile {
  const { sql, bindings } = tileStatement(knex, layer, { z: Z, x: X, y: Y }, scoped ? STREETS : null)
  const slots = bindings.map((value) =>
    value === Z ? 'z' : value === X ? 'x' : value === Y ? 'y' : value === STREETS ? 'streets' : undefined,
  )
  return {
    name: scoped ? `tile-${layer}-in-streets` : `tile-${layer}`,
    text: sql,
    values: (tile, streets) =>
      bindings.map((value, i) => {
        const slot = slots[i]
        return slot === 'streets' ? streets : slot ? tile[slot] : value
      }),
  }
}

export interface TileFeatureRow {
  id: number
  geometry: string
  [property: string]: unknown
}

export class TileRepository {
  constructor(
    private readonly knex: Knex,
    /** The server's tile pool (read-only, no parallel plans, statement timeout per connection). */
    private readonly tileKnex?: Knex,
  ) {}

  private readonly prepared = new Map<string, PreparedTile>()

  /**
   * One MVT tile made by PostGIS in a single statement; empty bytes when no feature falls in it. The statement is
   * built once per layer (and once more for street-narrowed tiles of a street-scoped layer) and run as a named
   * prepared statement, so a tile costs neither query building nor parsing.
   */
  async mvt(layer: TileLayerName, tile: TileAddress, streets: StreetFilter = null): Promise<Uint8Array> {
    const pool = this.tileKnex
    if (!pool) throw new Error('PostGIS tiles need the server backend’s tile pool')
    const scoped = streets !== null && isStreetScoped(layer)
    const key = scoped ? `${layer}/in-streets` : layer
    const statement = this.prepared.get(key) ?? prepareTile(pool, layer, scoped)
    this.prepared.set(key, statement)
    const connection = (await pool.client.acquireConnection()) as PgConnection
    try {
      const result = await connection.query({
        name: statement.name,
        text: statement.text,
        values: statement.values(tile, streets),
      })
      const bytes: Buffer | null | undefined = result.rows[0]?.mvt
      return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array()
    } finally {
      await pool.client.releaseConnection(connection)
    }
  }

  /**
   * Every feature of a layer (in the streets, on a street-scoped layer) with its tile properties and its drawn
   * geometry as GeoJSON text (full precision).
   */
  async features(layer: TileLayerName, streets: StreetFilter = null): Promise<TileFeatureRow[]> {
    return layerQuery(this.knex, layer, streets)
      .select(this.knex.raw(`ST_AsGeoJSON(${geometryOf(layer)})::text as geometry`))
      .orderBy('t.id')
  }

  /** minLon, minLat, maxLon, maxLat of a layer's data (in the streets, if scoped); undefined when it has none. */
  async bounds(
    layer: TileLayerName,
    streets: StreetFilter = null,
  ): Promise<[number, number, number, number] | undefined> {
    const extent = `ST_Extent(${geometryOf(layer)})`
    const row = await layerTable(this.knex, layer, streets).first(
      this.knex.raw(`ST_XMin(${extent}) as "minLon"`),
      this.knex.raw(`ST_YMin(${extent}) as "minLat"`),
      this.knex.raw(`ST_XMax(${extent}) as "maxLon"`),
      this.knex.raw(`ST_YMax(${extent}) as "maxLat"`),
    )
    if (!row || row.minLon === null) return undefined
    return [row.minLon, row.minLat, row.maxLon, row.maxLat]
  }
}
