// Vector tiles for a reader limited to some streets (design institute): compounds, their labels and buildings only
// in the granted streets, while admins and anonymous readers get every one; scoped tiles never share the cache or
// the ETag of everyone's tiles; boundaries, roads and facilities stay district-wide.
import { VectorTile } from '@mapbox/vector-tile'
import type { TileLayerName } from '@renewal-atlas/domain'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataChangesFor } from '../../apps/api/src/changes/data-changed.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { bearer, createBearerToken, createUser } from '../support/auth.ts'
import { type BackendName, backends } from '../support/backends.ts'

interface TileAddress {
  z: number
  x: number
  y: number
}

const SHAHE = '510104030'

/** The tile (web mercator, XYZ) holding a WGS84 point. */
function tileAt(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  }
}

const tilePath = (layer: string, { z, x, y }: TileAddress) => `/api/v1/tiles/${layer}/${z}/${x}/${y}.mvt`

interface Fixture {
  app: TestApp
  design: Record<string, string>
  admin: Record<string, string>
  /** Ids of the compounds in Shahe, from the compounds list. */
  shahe: Set<number>
  /** A tile with compounds of Shahe and of another street. */
  tile: TileAddress
}

const fixtures = new Map<BackendName, Fixture>()

async function setUp(backend: BackendName): Promise<Fixture> {
  const app = await startTestApp(backend)
  const { db } = app.server
  const designUser = await createUser(db, { role: 'design_institute', streets: [SHAHE] })
  const adminUser = await createUser(db, { role: 'admin' })
  const design = bearer(await createBearerToken(db, designUser.id))
  const admin = bearer(await createBearerToken(db, adminUser.id))

  const list = await (
    await app.get(`/api/v1/compounds?street=${SHAHE}&limit=2000`, { headers: admin })
  ).json()
  const shahe = new Set<number>(list.features.map((f: { id: number }) => f.id))
  expect(shahe.size).toBe(list.numberMatched)

  // A z15 (else z14) tile holding the label points of compounds of Shahe and of some other street.
  const points: { id: number; lon: number; lat: number }[] = await db
    .knex('compounds as c')
    .select(
      'c.id',
      db.knex.raw('ST_X(ST_PointOnSurface(c.geom)) as lon, ST_Y(ST_PointOnSurface(c.geom)) as lat'),
    )
  let tile: TileAddress | undefined
  for (const z of [15, 14]) {
    const byTile = new Map<string, { address: TileAddress; inShahe: boolean; outside: boolean }>()
    for (const { id, lon, lat } of points) {
      const address = tileAt(Number(lon), Number(lat), z)
      const key = `${address.x}/${address.y}`
      const entry = byTile.get(key) ?? { address, inShahe: false, outside: false }
      if (shahe.has(id)) entry.inShahe = true
      else entry.outside = true
      byTile.set(key, entry)
    }
    tile = [...byTile.values()].find((t) => t.inShahe && t.outside)?.address
    if (tile) break
  }
  if (!tile) throw new Error('no z14/z15 tile holds compounds of Shahe and of another street')
  return { app, design, admin, shahe, tile }
}

beforeAll(async () => {
  for (const backend of backends) fixtures.set(backend, await setUp(backend))
})
afterAll(async () => {
  for (const { app } of fixtures.values()) await app.close()
})

interface Fetched {
  status: number
  etag: string | null
  cacheControl: string | null
  bytes: Uint8Array
  features: { id: number; properties: Record<string, unknown> }[]
}

async function fetchTile(
  app: TestApp,
  layer: TileLayerName,
  tile: TileAddress,
  headers: Record<string, string> = {},
): Promise<Fetched> {
  const res = await app.get(tilePath(layer, tile), { headers })
  expect([200, 204], `${tilePath(layer, tile)} → ${res.status}`).toContain(res.status)
  const bytes = new Uint8Array(await res.arrayBuffer())
  const decoded = res.status === 200 ? new VectorTile(new PbfReader(bytes)).layers[layer] : undefined
  const features = Array.from({ length: decoded?.length ?? 0 }, (_, i) => {
    const feature = decoded?.feature(i)
    return { id: feature?.id as number, properties: feature?.properties ?? {} }
  })
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    cacheControl: res.headers.get('cache-control'),
    bytes,
    features,
  }
}

const ids = (tile: Fetched) => tile.features.map((f) => f.id).sort((a, b) => a - b)

describe.each(backends)('street-scoped vector tiles on the %s backend', (backend) => {
  const fixture = () => fixtures.get(backend) as Fixture

  it.each(['compounds', 'compound-labels'] as const)(
    'gives a design institute only the %s of its street, admins and anonymous readers all of them',
    async (layer) => {
      const { app, design, admin, shahe, tile } = fixture()
      const everyone = await fetchTile(app, layer, tile)
      const scoped = await fetchTile(app, layer, tile, design)
      const byAdmin = await fetchTile(app, layer, tile, admin)

      expect(ids(byAdmin)).toEqual(ids(everyone))
      expect(ids(everyone).some((id) => !shahe.has(id))).toBe(true)
      expect(ids(scoped).length).toBeGreaterThan(0)
      expect(ids(scoped)).toEqual(ids(everyone).filter((id) => shahe.has(id)))
      // The public properties are those everyone sees.
      const all = new Map(everyone.features.map((f) => [f.id, f.properties]))
      for (const f of scoped.features) expect(f.properties).toEqual(all.get(f.id))

      expect(scoped.etag).not.toBe(everyone.etag)
      expect(scoped.cacheControl).toBe('private, max-age=60')
      expect(everyone.cacheControl).toBe('public, max-age=60')
    },
  )

  it('gives a design institute only the buildings of its street’s compounds', async () => {
    const { app, design, admin, shahe, tile } = fixture()
    const everyone = await fetchTile(app, 'buildings', tile)
    const scoped = await fetchTile(app, 'buildings', tile, design)
    const byAdmin = await fetchTile(app, 'buildings', tile, admin)
    const compoundOf = new Map(everyone.features.map((f) => [f.id, f.properties.compoundId as number]))

    expect(ids(byAdmin)).toEqual(ids(everyone))
    expect(ids(everyone).some((id) => !shahe.has(compoundOf.get(id) as number))).toBe(true)
    expect(ids(scoped).length).toBeGreaterThan(0)
    expect(ids(scoped)).toEqual(ids(everyone).filter((id) => shahe.has(compoundOf.get(id) as number)))
  })

  it('keeps the tiles of everyone unchanged after scoped requests (the cache is not shared)', async () => {
    const { app, design, tile } = fixture()
    const changes = dataChangesFor(app.server.db)
    for (const layer of ['compounds', 'compound-labels', 'buildings'] as const) {
      const before = await fetchTile(app, layer, tile)
      await fetchTile(app, layer, tile, design)
      const after = await fetchTile(app, layer, tile)
      expect(after.etag).toBe(before.etag)
      expect(after.bytes).toEqual(before.bytes)

      // The scoped reader makes the tile first; everyone then gets what a fresh cache makes for them.
      changes.emit([{ topic: layer === 'buildings' ? 'buildings' : 'compounds' }])
      await fetchTile(app, layer, tile, design)
      const following = await fetchTile(app, layer, tile)
      expect(following.bytes).toEqual(before.bytes)

      // Everyone's ETag never answers 304 to the scoped reader.
      const res = await app.get(tilePath(layer, tile), {
        headers: { ...design, 'if-none-match': before.etag as string },
      })
      expect(res.status).toBe(200)
      await res.arrayBuffer()
    }
  })

  it('keeps boundaries, roads and facilities district-wide for a design institute', async () => {
    const { app, design, tile } = fixture()
    for (const layer of ['district', 'streets', 'communities', 'roads', 'facilities'] as const) {
      const everyone = await fetchTile(app, layer, tile)
      const scoped = await fetchTile(app, layer, tile, design)
      expect(scoped.bytes, layer).toEqual(everyone.bytes)
    }
  })

  it('bounds the TileJSON of compounds by the streets of a design institute', async () => {
    const { app, design } = fixture()
    const everyone = await (await app.get('/api/v1/tiles/compounds.json')).json()
    const scoped = await (await app.get('/api/v1/tiles/compounds.json', { headers: design })).json()
    const [minLon, minLat, maxLon, maxLat] = everyone.bounds as number[]
    const [sMinLon, sMinLat, sMaxLon, sMaxLat] = scoped.bounds as number[]
    expect(sMinLon).toBeGreaterThanOrEqual(minLon as number)
    expect(sMinLat).toBeGreaterThanOrEqual(minLat as number)
    expect(sMaxLon).toBeLessThanOrEqual(maxLon as number)
    expect(sMaxLat).toBeLessThanOrEqual(maxLat as number)
    expect(scoped.bounds).not.toEqual(everyone.bounds)
    const roads = await (await app.get('/api/v1/tiles/roads.json', { headers: design })).json()
    expect(roads.bounds).toEqual((await (await app.get('/api/v1/tiles/roads.json')).json()).bounds)
  })
})
