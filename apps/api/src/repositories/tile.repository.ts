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
}

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

function layerQuery(knex: Knex, layer: TileLayerName): Knex.QueryBuilder {
  const source = TILE_LAYER_SOURCES[layer]
  const query = knex({ t: source.table }).select(source.columns)
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
export function tileQuery(knex: Knex, layer: TileLayerName, { z, x, y }: TileAddress): Knex.Raw {
  const margin = TILE_BUFFER / TILE_EXTENT
  const features = layerQuery(knex, layer)
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
): { sql: string; bindings: readonly unknown[] } {
  const native = tileQuery(knex, layer, tile).toSQL().toNative()
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
  values(tile: TileAddress): unknown[]
}

// Stand-ins for z, x and y while the statement is built once; no real binding takes these values.
const Z = -910_001
const X = -910_002
const Y = -910_003

function prepareTile(knex: Knex, layer: TileLayerName): PreparedTile {
  const { sql, bindings } = tileStatement(knex, layer, { z: Z, x: X, y: Y })
  const slots = bindings.map((value) =>
    value === Z ? 'z' : value === X ? 'x' : value === Y ? 'y' : undefined,
  )
  return {
    name: `tile-${layer}`,
    text: sql,
    values: (tile) =>
      bindings.map((value, i) => {
        const slot = slots[i]
        return slot ? tile[slot] : value
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

  private readonly prepared = new Map<TileLayerName, PreparedTile>()

  /**
   * One MVT tile made by PostGIS in a single statement; empty bytes when no feature falls in it. The statement is
   * built once per layer and run as a named prepared statement, so a tile costs neither query building nor parsing.
   */
  async mvt(layer: TileLayerName, tile: TileAddress): Promise<Uint8Array> {
    const pool = this.tileKnex
    if (!pool) throw new Error('PostGIS tiles need the server backend’s tile pool')
    const statement = this.prepared.get(layer) ?? prepareTile(pool, layer)
    this.prepared.set(layer, statement)
    const connection = (await pool.client.acquireConnection()) as PgConnection
    try {
      const result = await connection.query({
        name: statement.name,
        text: statement.text,
        values: statement.values(tile),
      })
      const bytes: Buffer | null | undefined = result.rows[0]?.mvt
      return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array()
    } finally {
      await pool.client.releaseConnection(connection)
    }
  }

  /** Every feature of a layer with its tile properties and its drawn geometry as GeoJSON text (full precision). */
  async features(layer: TileLayerName): Promise<TileFeatureRow[]> {
    return layerQuery(this.knex, layer)
      .select(this.knex.raw(`ST_AsGeoJSON(${geometryOf(layer)})::text as geometry`))
      .orderBy('t.id')
  }

  /** minLon, minLat, maxLon, maxLat of a layer's data; undefined when it has none. */
  async bounds(layer: TileLayerName): Promise<[number, number, number, number] | undefined> {
    const extent = `ST_Extent(${geometryOf(layer)})`
    const row = await this.knex({ t: TILE_LAYER_SOURCES[layer].table }).first(
      this.knex.raw(`ST_XMin(${extent}) as "minLon"`),
      this.knex.raw(`ST_YMin(${extent}) as "minLat"`),
      this.knex.raw(`ST_XMax(${extent}) as "maxLon"`),
      this.knex.raw(`ST_YMax(${extent}) as "maxLat"`),
    )
    if (!row || row.minLon === null) return undefined
    return [row.minLon, row.minLat, row.maxLon, row.maxLat]
  }
}
