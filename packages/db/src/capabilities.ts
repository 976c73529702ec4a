// What the connected backend can do, asked by the rest of the code instead of testing the backend's name.
import type { Knex } from 'knex'

export type Backend = 'embedded' | 'server'

export interface Capabilities {
  backend: Backend
  /** ST_AsMVT / ST_AsMVTGeom work (PGlite's PostGIS is built without protobuf, so they do not). */
  mvt: boolean
  /**
   * `COPY (query) TO STDOUT` streams rows to the client as they are made (pg with pg-copy-streams); PGlite can copy
   * only into one in-memory blob.
   */
  copyToStdout: boolean
  /** How many queries can run at once; PGlite is a single connection. */
  maxConnections: number
  postgresVersion: string
  postgisVersion: string
}

/** Probe the backend: versions from the server, MVT support by trying it inside a savepoint. */
export async function detectCapabilities(
  knex: Knex,
  backend: Backend,
  maxConnections: number,
): Promise<Capabilities> {
  const versions = await knex.raw<{ rows: { pg: string; postgis: string }[] }>(
    "select current_setting('server_version') as pg, postgis_lib_version() as postgis",
  )
  const row = versions.rows[0]
  if (!row) throw new Error('version query returned no row')
  let mvt = true
  try {
    await knex.transaction(async (trx) => {
      await trx.raw(
        'select ST_AsMVT(q, ?) from (select ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(104.08, 30.65), 4326), 3857), ST_TileEnvelope(14, 13120, 6741)) as geom) q',
        ['probe'],
      )
    })
  } catch {
    mvt = false
  }
  return {
    backend,
    mvt,
    copyToStdout: backend === 'server',
    maxConnections,
    postgresVersion: row.pg,
    postgisVersion: row.postgis,
  }
}
