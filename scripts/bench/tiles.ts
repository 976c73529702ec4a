// Tile benchmarks: the tile list covering the district, tiles/s through the API (autocannon in a child process)
// and of the same tile SQL straight against PostGIS (pg, same list, same concurrency), and tile sizes.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { TILE_LAYER_NAMES, TILE_LAYERS, type TileLayerName } from '@renewal-atlas/domain'
import knexFactory, { type Knex } from 'knex'
import pg from 'pg'
import { tileStatement } from '../../apps/api/src/tiles/tile.repository.ts'
import type { LoadJob, LoadResult } from './load-worker.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const run = promisify(execFile)

export interface Tile {
  z: number
  x: number
  y: number
}
export interface LayerTile extends Tile {
  layer: TileLayerName
}

const lonToX = (lon: number, n: number) => Math.floor(((lon + 180) / 360) * n)
const latToY = (lat: number, n: number) => {
  const r = (lat * Math.PI) / 180
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
}

/**
 * The tiles at zoom z that meet the district outline, west to east within north to south; at most `max` of them,
 * taken at an even stride over that order when there are more (deterministic, spread over the whole district).
 */
export async function districtTiles(knex: Knex, z: number, max: number): Promise<Tile[]> {
  const box = await knex('districts').first(
    knex.raw('ST_XMin(ST_Extent(geom)) as x0'),
    knex.raw('ST_YMin(ST_Extent(geom)) as y0'),
    knex.raw('ST_XMax(ST_Extent(geom)) as x1'),
    knex.raw('ST_YMax(ST_Extent(geom)) as y1'),
  )
  const n = 2 ** z
  const [xa, xb] = [lonToX(box.x0, n), Math.min(n - 1, lonToX(box.x1, n))]
  const [ya, yb] = [latToY(box.y1, n), Math.min(n - 1, latToY(box.y0, n))]
  const result = await knex.raw(
    `select x, y from generate_series(?::int, ?::int) as x, generate_series(?::int, ?::int) as y
     where exists (select 1 from districts d
                   where ST_Intersects(d.geom, ST_Transform(ST_TileEnvelope(?, x, y), 4326)))
     order by y, x`,
    [xa, xb, ya, yb, z],
  )
  const all = (result.rows as { x: number; y: number }[]).map(({ x, y }) => ({ z, x, y }))
  if (all.length <= max) return all
  return Array.from({ length: max }, (_, i) => all[Math.floor((i * all.length) / max)] as Tile)
}

/** Every layer that has tiles at the tile's zoom, for each tile: what a map showing all layers asks for. */
export function layerTiles(tiles: Tile[]): LayerTile[] {
  return tiles.flatMap((t) =>
    TILE_LAYER_NAMES.filter((l) => TILE_LAYERS[l].minzoom <= t.z && t.z <= TILE_LAYERS[l].maxzoom).map(
      (layer) => ({ layer, ...t }),
    ),
  )
}

export const tilePath = (t: LayerTile) => `/api/v1/tiles/${t.layer}/${t.z}/${t.x}/${t.y}.mvt`

/** autocannon against a running API, in a child process. */
export async function loadApi(job: LoadJob): Promise<LoadResult> {
  const result = await loadAny(job)
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(
      `tile load run had ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`,
    )
  return result
}

/** One autocannon run in its own process; failures are counted in the result, not thrown. */
export async function loadAny(job: LoadJob): Promise<LoadResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'load-worker.ts'), JSON.stringify(job)],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as LoadResult
}

/**
 * The same tile statements the server backend runs (tileStatement from the tile repository), straight through a pg
 * pool of `connections` clients with parallel plans off (as the API sets them), `connections` at a time, for
 * `seconds` (or one pass over the list when `seconds` is 0). Returns statements per second.
 */
export async function loadSql(
  databaseUrl: string,
  tiles: LayerTile[],
  connections: number,
  seconds: number,
): Promise<number> {
  const knex = knexFactory({ client: 'pg' })
  const statements = tiles.map((t) => tileStatement(knex, t.layer, t))
  await knex.destroy()
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections })
  try {
    // Open every connection first, so connecting is not timed.
    const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()))
    for (const c of clients) {
      await c.query('set max_parallel_workers_per_gather = 0')
      c.release()
    }
    let next = 0
    let done = 0
    const t0 = performance.now()
    const deadline = t0 + seconds * 1000
    const worker = async () => {
      for (;;) {
        if (seconds > 0 ? performance.now() >= deadline : next >= statements.length) return
        const s = statements[next++ % statements.length] as { sql: string; bindings: readonly unknown[] }
        await pool.query(s.sql, s.bindings as unknown[])
        done++
      }
    }
    await Promise.all(Array.from({ length: connections }, worker))
    return done / ((performance.now() - t0) / 1000)
  } finally {
    await pool.end()
  }
}

/** Byte sizes of the tiles that are not empty, fetched through the API `connections` at a time. */
export async function tileSizes(baseUrl: string, tiles: LayerTile[], connections: number) {
  const sizes: { tile: LayerTile; bytes: number }[] = []
  let next = 0
  const worker = async () => {
    while (next < tiles.length) {
      const tile = tiles[next++] as LayerTile
      const res = await fetch(baseUrl + tilePath(tile))
      if (res.status !== 200 && res.status !== 204) throw new Error(`${tilePath(tile)}: HTTP ${res.status}`)
      const bytes = (await res.arrayBuffer()).byteLength
      if (bytes > 0) sizes.push({ tile, bytes })
    }
  }
  await Promise.all(Array.from({ length: connections }, worker))
  return sizes
}
