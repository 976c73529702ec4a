import { createLogger, type RunningServer, startServer } from '@renewal-atlas/api'
import {
  type Database,
  openThrowawayDatabase,
  prepareDatabase,
  type ThrowawayDatabase,
} from '@renewal-atlas/db'
import { TILE_LAYER_NAMES } from '@renewal-atlas/domain'
import { dataChangesFor } from '../../apps/api/src/changes/data-changed.ts'
import { benchDashboard, type DashboardFigures } from './dashboard-bench.ts'
import { firstMapMs, haveChromium, launchChromium } from './map.ts'
import { median, s } from './stats.ts'
import { districtTiles, type LayerTile, layerTiles, loadApi, loadSql, tilePath, tileSizes } from './tiles.ts'

export type Backend = 'embedded' | 'server'
export const TILE_ZOOMS = [14, 16] as const

export interface ScaleOptions {
  scale: 'district' | 'city'
  /** Data set folder; undefined = the Jinjiang demo data. */
  datasetDir: string | undefined
  serverUrl: string | undefined
  runs: number
  /** Runs of the migrate + load figure (the last database loaded is the one measured). */
  loadRuns: number
  seconds: number
  connections: number
  /** At most this many tiles per zoom in the request lists, and per zoom in the size survey. */
  tileSample: number
  sizeSample: number
  /** Tiles/s, tile sizes and the first map; off for a quicker run of the rest. */
  tiles: boolean
  /** Sequential requests per statistics endpoint. */
  statsRequests: number
  log(line: string): void
}

interface ZoomFigures {
  tiles: number
  coveringTiles: number
  requests: number
  api: number[]
  sql: number[]
  embedded: number[]
}

export interface ScaleFigures {
  scale: 'district' | 'city'
  counts: { compounds: number; buildings: number }
  load: Record<Backend, number[]>
  zooms: Record<number, ZoomFigures>
  sizes: Record<Backend, number[]>
  largest: Partial<Record<Backend, { tile: LayerTile; bytes: number }>>
  firstMap: Record<Backend, { cold: number[]; warm: number[]; failures: number }>
  /** Embedded backend: first tile of every layer after a start (reads the layers and builds the indexes). */
  indexBuildMs: number[]
  /** Statistics latency and the dashboard's first full render. */
  dashboard: DashboardFigures
}

const quiet = createLogger('silent')
/** Rate limits far above anything a benchmark sends from its one address. */
export const UNLIMITED = { perMinute: 1e9, tilesPerMinute: 1e9 }

type Loaded = ThrowawayDatabase

async function freshDb(backend: Backend, serverUrl: string | undefined): Promise<Loaded> {
  if (backend === 'server' && !serverUrl) throw new Error('no server')
  return openThrowawayDatabase(backend === 'server' ? serverUrl : undefined, { prefix: 'atlas_bench' })
}

/** Load the data set `runs` times into fresh databases; keep the last one. */
async function loadTimed(backend: Backend, o: ScaleOptions): Promise<{ db: Loaded; samples: number[] }> {
  const samples: number[] = []
  for (let i = 0; ; i++) {
    const f = await freshDb(backend, o.serverUrl)
    const t0 = performance.now()
    await prepareDatabase(f.db, { datasetDir: o.datasetDir })
    samples.push(performance.now() - t0)
    o.log(`  ${o.scale}: migrate + load on ${backend}: ${s(samples.at(-1) ?? 0)}`)
    if (i + 1 >= o.loadRuns) return { db: f, samples }
    await f.dispose()
  }
}

interface Served {
  backend: Backend
  loaded: Loaded
  /** Tile cache off: every tile request makes its tile (tiles/s, sizes). */
  bare: RunningServer
  /** As `npm start` serves it (first map). */
  normal: RunningServer
}

async function serve(backend: Backend, loaded: Loaded): Promise<Served> {
  // Public read on and rate limits out of the way: tiles and the first map are measured without authentication
  // or limits (the load run measures both).
  const open = { port: 0, host: '127.0.0.1', logger: quiet, publicRead: true, rateLimits: UNLIMITED }
  // A 1-byte tile cache keeps nothing (an entry needs more than its own bytes): every request makes its tile.
  const bare = await startServer({ ...open, db: loaded.db, tileCacheBytes: 1 })
  const normal = await startServer({ ...open, db: loaded.db })
  return { backend, loaded, bare, normal }
}

/** Announce every layer as changed, as a write would: the servers over the database drop every cached tile. */
function forgetTiles(db: Database): void {
  dataChangesFor(db).emit(TILE_LAYER_NAMES.map((topic) => ({ topic })))
}

export async function benchScale(o: ScaleOptions): Promise<ScaleFigures> {
  const backends: Backend[] = o.serverUrl ? ['embedded', 'server'] : ['embedded']
  const figures: ScaleFigures = {
    scale: o.scale,
    counts: { compounds: 0, buildings: 0 },
    load: { embedded: [], server: [] },
    zooms: {},
    sizes: { embedded: [], server: [] },
    largest: {},
    firstMap: { embedded: { cold: [], warm: [], failures: 0 }, server: { cold: [], warm: [], failures: 0 } },
    indexBuildMs: [],
    dashboard: { latency: {}, firstRender: {}, failures: 0 },
  }
  const served: Served[] = []
  try {
    for (const b of backends) {
      const { db, samples } = await loadTimed(b, o)
      figures.load[b] = samples
      served.push(await serve(b, db))
    }
    const first = served.find((x) => x.backend === 'server') ?? (served[0] as Served)
    const knex = first.loaded.db.knex
    const count = async (table: string) => Number((await knex(table).count({ n: '*' }))[0]?.n)
    figures.counts = { compounds: await count('compounds'), buildings: await count('buildings') }
    const byBackend = (b: Backend) => served.find((x) => x.backend === b)
    const server = byBackend('server')
    const embedded = byBackend('embedded') as Served

    if (o.tiles) {
      // Embedded: the first tile of each layer after a start reads the layer and builds its geojson-vt index.
      for (let i = 0; i < o.runs; i++) {
        forgetTiles(embedded.normal.db)
        const t0 = performance.now()
        for (const layer of TILE_LAYER_NAMES)
          await (await fetch(`${embedded.normal.url}/api/v1/tiles/${layer}/16/0/0.mvt`)).arrayBuffer()
        figures.indexBuildMs.push(performance.now() - t0)
      }
      o.log(`  ${o.scale}: embedded index build, all layers: ${s(median(figures.indexBuildMs))}`)

      // The bare servers read their layers too (the embedded one builds its own indexes) before any timed request.
      for (const x of served)
        for (const layer of TILE_LAYER_NAMES)
          await (await fetch(`${x.bare.url}/api/v1/tiles/${layer}/16/0/0.mvt`)).arrayBuffer()

      // Request lists at z14 and z16, and one warm-up pass over each on every path.
      const lists = new Map<number, LayerTile[]>()
      for (const z of TILE_ZOOMS) {
        const covering = await districtTiles(knex, z, Number.MAX_SAFE_INTEGER)
        const tiles = await districtTiles(knex, z, o.tileSample)
        const list = layerTiles(tiles)
        lists.set(z, list)
        figures.zooms[z] = {
          tiles: tiles.length,
          coveringTiles: covering.length,
          requests: list.length,
          api: [],
          sql: [],
          embedded: [],
        }
        const paths = list.map(tilePath)
        for (const x of served)
          await loadApi({ url: x.bare.url, paths, connections: o.connections, amount: paths.length })
        if (o.serverUrl && server) await loadSql(serverDbUrl(server), list, o.connections, 0)
      }
      for (let i = 0; i < o.runs; i++) {
        for (const z of TILE_ZOOMS) {
          const list = lists.get(z) as LayerTile[]
          const paths = list.map(tilePath)
          const f = figures.zooms[z] as ZoomFigures
          const job = { paths, connections: o.connections, seconds: o.seconds }
          if (server) {
            f.api.push((await loadApi({ url: server.bare.url, ...job })).perSecond)
            f.sql.push(await loadSql(serverDbUrl(server), list, o.connections, o.seconds))
          }
          f.embedded.push((await loadApi({ url: embedded.bare.url, ...job })).perSecond)
          o.log(
            `  ${o.scale} run ${i + 1}, z${z} tiles/s: API server ${fmt(f.api.at(-1))}, SQL ${fmt(f.sql.at(-1))}, API embedded ${fmt(f.embedded.at(-1))}`,
          )
        }
      }

      // Tile sizes over every zoom, every layer.
      const survey: LayerTile[] = []
      for (let z = 0; z <= 16; z++) survey.push(...layerTiles(await districtTiles(knex, z, o.sizeSample)))
      for (const x of served) {
        const sizes = await tileSizes(x.bare.url, survey, Math.min(4, o.connections))
        figures.sizes[x.backend] = sizes.map((t) => t.bytes)
        figures.largest[x.backend] = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a), {
          tile: survey[0] as LayerTile,
          bytes: 0,
        })
        o.log(`  ${o.scale}: ${sizes.length} non-empty tiles of ${survey.length} on ${x.backend}`)
      }

      // First rendered map: a new browser context each time; "cold" after the server forgot its tiles, "warm" after.
      if (haveChromium()) {
        const browser = await launchChromium()
        try {
          for (let i = 0; i < o.runs; i++)
            for (const x of served) {
              forgetTiles(x.normal.db)
              const fm = figures.firstMap[x.backend]
              for (const kind of ['cold', 'warm'] as const) {
                try {
                  fm[kind].push(await firstMapMs(browser, x.normal.url))
                } catch (error) {
                  fm.failures++
                  o.log(
                    `  ${o.scale} run ${i + 1}: first map on ${x.backend} (${kind}): ${(error as Error).message}`,
                  )
                }
              }
              o.log(
                `  ${o.scale} run ${i + 1}: first map on ${x.backend}: cold ${fmtS(fm.cold.at(-1))}, warm ${fmtS(fm.warm.at(-1))}`,
              )
            }
        } finally {
          await browser.close()
        }
      } else o.log('  no Chromium: time to first map not measured (set CHROMIUM_PATH)')
    } else o.log(`  ${o.scale}: tiles and the first map skipped (BENCH_TILES=off)`)

    // Statistics and the dashboard, on the servers as `npm start` runs them.
    const browser = haveChromium() ? await launchChromium() : undefined
    try {
      figures.dashboard = await benchDashboard({
        servers: served.map((x) => ({ backend: x.backend, url: x.normal.url })),
        requests: o.statsRequests,
        runs: o.runs,
        browser,
        label: o.scale,
        log: o.log,
      })
    } finally {
      await browser?.close()
    }
  } finally {
    for (const x of served) {
      await x.bare.close()
      await x.normal.close()
      await x.loaded.dispose()
    }
  }
  return figures
}

function serverDbUrl(x: Served): string {
  const { connectionString } = x.loaded.db.knex.client.config.connection as { connectionString: string }
  return connectionString
}

const fmtS = (v: number | undefined) => (v === undefined ? 'n/a' : s(v))
const fmt = (v: number | undefined) => (v === undefined ? 'n/a' : v.toFixed(0))
