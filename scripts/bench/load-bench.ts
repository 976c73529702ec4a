// Load with authentication on: the server backend with public read off, every request carrying a personal access
// token of a leadership account, 200 concurrent connections (about twice a plausible peak of the office) on the
// read endpoints and on map tiles. First with rate limits raised above the load (errors and p99 at that load), then
// with the default limits (429s appear only beyond the configured number of requests per minute).
import { createLogger, startServer } from '@renewal-atlas/api'
import { openThrowawayDatabase, prepareDatabase } from '@renewal-atlas/db'
import { createBearerToken, createUser } from '../../tests/support/auth.ts'
import type { LoadResult } from './load-worker.ts'
import { s } from './stats.ts'
import { districtTiles, layerTiles, loadAny, tilePath } from './tiles.ts'

export const LOAD_CONNECTIONS = 200

/** Reads a planner's and leadership's day consists of: lists, one compound and its panel, search, statistics. */
export const LOAD_READ_PATHS = [
  '/api/v1/compounds?limit=100',
  '/api/v1/compounds?limit=100&street=510104030&onRegister=true',
  '/api/v1/compounds/805',
  '/api/v1/compounds/805/projects',
  '/api/v1/search/compounds?q=%E4%BA%94%E7%A6%8F',
  '/api/v1/district',
  '/api/v1/streets',
  '/api/v1/stats/summary',
  '/api/v1/stats/coverage?groupBy=street',
  '/api/v1/stats/progress',
]

export interface LoadFigures {
  reads: LoadResult
  tiles: LoadResult
  /** The same reads with the default limits: how many got through and how many were refused with 429. */
  limited: LoadResult
  limitPerMinute: number
  /** Requests without a token while public read is off (all should be 401). */
  anonymous401: number
}

export async function benchLoad(o: {
  serverUrl: string
  seconds: number
  log(line: string): void
}): Promise<LoadFigures> {
  const f = await openThrowawayDatabase(o.serverUrl, { prefix: 'atlas_bench' })
  const quiet = createLogger('silent')
  try {
    await prepareDatabase(f.db)
    const user = await createUser(f.db, { role: 'leadership' })
    const token = await createBearerToken(f.db, user.id, { name: 'load benchmark' })
    const headers = { authorization: `Bearer ${token}` }
    const tiles = layerTiles(await districtTiles(f.db.knex, 15, 150)).map(tilePath)

    const raised = await startServer({
      port: 0,
      host: '127.0.0.1',
      db: f.db,
      logger: quiet,
      publicRead: false,
      rateLimits: { perMinute: 10_000_000, tilesPerMinute: 10_000_000 },
    })
    let reads: LoadResult
    let tileLoad: LoadResult
    let anonymous401 = 0
    try {
      const job = { url: raised.url, connections: LOAD_CONNECTIONS, headers }
      await loadAny({ ...job, paths: LOAD_READ_PATHS, amount: 2000 }) // warm-up
      reads = await loadAny({ ...job, paths: LOAD_READ_PATHS, seconds: o.seconds })
      o.log(`  load: reads at ${LOAD_CONNECTIONS} connections: ${fmt(reads)}`)
      await loadAny({ ...job, paths: tiles, amount: tiles.length })
      tileLoad = await loadAny({ ...job, paths: tiles, seconds: o.seconds })
      o.log(`  load: tiles at ${LOAD_CONNECTIONS} connections: ${fmt(tileLoad)}`)
      const anonymous = await loadAny({
        url: raised.url,
        connections: 10,
        paths: LOAD_READ_PATHS,
        amount: 200,
      })
      anonymous401 = anonymous.non2xx
    } finally {
      await raised.close()
    }

    const normal = await startServer({
      port: 0,
      host: '127.0.0.1',
      db: f.db,
      logger: quiet,
      publicRead: false,
    })
    try {
      const limited = await loadAny({
        url: normal.url,
        connections: LOAD_CONNECTIONS,
        headers,
        paths: LOAD_READ_PATHS,
        seconds: o.seconds,
      })
      o.log(`  load: reads with the default limits: ${fmt(limited)}`)
      return { reads, tiles: tileLoad, limited, limitPerMinute: 1200, anonymous401 }
    } finally {
      await normal.close()
    }
  } finally {
    await f.dispose()
  }
}

const fmt = (r: LoadResult) =>
  `${Math.round(r.perSecond)}/s over ${s(r.seconds * 1000)}, p50 ${r.latencyP50Ms} ms, p99 ${r.latencyP99Ms} ms, ${r.non2xx} non-2xx (${r.status429} × 429), ${r.errors} errors, ${r.timeouts} timeouts`
