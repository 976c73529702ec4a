// How geometry from a client enters SQL: PostGIS functions as knex raw fragments through knex-postgis, every value
// bound, never concatenated. Repositories of either backend embed these fragments in their queries.
import knexFactory, { type Knex } from 'knex'
import knexPostgis from 'knex-postgis'

/** A knex that never connects: it only builds fragments, which a query of either backend embeds. */
const builder = knexFactory({ client: 'pg' })
const st = knexPostgis(builder)

/**
 * A WGS84 geometry (SRID 4326) from GeoJSON. The JSON goes in as bound text: knex-postgis would first run a GeoJSON
 * checker of its own, and the words of a refusal are ours (the request schemas) and PostGIS's (ST_IsValidReason).
 */
export function geometryFromGeoJson(geometry: object): Knex.Raw {
  return st.setSRID(st.geomFromGeoJSON(builder.raw('?::text', [JSON.stringify(geometry)])), 4326)
}

/** A polygon as it is stored: 2D, WGS84, exterior ring counter-clockwise as RFC 7946 asks. */
export function outlineFromGeoJson(geometry: object): Knex.Raw {
  return builder.raw('ST_ForcePolygonCCW(ST_Force2D(?))', [geometryFromGeoJson(geometry)])
}

/** The WGS84 box minLon, minLat, maxLon, maxLat. */
export function envelope([minLon, minLat, maxLon, maxLat]: readonly [
  number,
  number,
  number,
  number,
]): Knex.Raw {
  return st.makeEnvelope(minLon, minLat, maxLon, maxLat, 4326)
}

/** Whether the geometry column (e.g. `c.geom`) meets the geometry. */
export function intersects(column: string, geometry: Knex.Raw): Knex.Raw {
  return st.intersects(column, geometry)
}
