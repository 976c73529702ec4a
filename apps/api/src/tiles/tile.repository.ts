// Vector tile data: the one-statement PostGIS tile query (server) and a layer's features as GeoJSON (embedded).
import { TILE_BUFFER, TILE_EXTENT, type TileLayerName } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { geometryOf, isStreetScoped, LAYER_SOURCES, layerFrom, tileColumns } from '../layers/layer-sources.ts'

export interface TileAddress {
  z: number
  x: number
  y: number
}

/**
 * The street ids a layer's rows are narrowed to, or null for all rows. Street ids are one binding (an int[]), so
 * the statement is the same whatever the streets.
 */
export type StreetFilter = number[] | null

/** The layer's rows, narrowed to the streets when the layer is street-scoped and streets are given. */
function narrowed(query: Knex.QueryBuilder, layer: TileLayerName, streets: StreetFilter): Knex.QueryBuilder {
  const { inStreets } = LAYER_SOURCES[layer]
  if (streets && inStreets) query.whereRaw(inStreets, [streets])
  return query
}

/** `t.id` and the fields the layer's tiles carry, with only the lookups those fields need. */
function layerQuery(knex: Knex, layer: TileLayerName, streets: StreetFilter): Knex.QueryBuilder {
  const columns = tileColumns(layer)
  const query = layerFrom(
    knex,
    layer,
    columns.map(([, sql]) => sql),
  ).select('t.id', ...columns.map(([name, sql]) => knex.raw(`${sql} as ??`, [name])))
  return narrowed(query, layer, streets)
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
    const row = await narrowed(this.knex({ t: LAYER_SOURCES[layer].table }), layer, streets).first(
      this.knex.raw(`ST_XMin(${extent}) as "minLon"`),
      this.knex.raw(`ST_YMin(${extent}) as "minLat"`),
      this.knex.raw(`ST_XMax(${extent}) as "maxLon"`),
      this.knex.raw(`ST_YMax(${extent}) as "maxLat"`),
    )
    if (!row || row.minLon === null) return undefined
    return [row.minLon, row.minLat, row.maxLon, row.maxLat]
  }
}
