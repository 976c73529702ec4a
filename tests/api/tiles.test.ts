// Vector tiles on every backend: decoded layers, ids and properties, empty and out-of-range tiles, ETag/304,
// cache invalidation after a data change, TileJSON, and bad tile addresses; then the two backends side by side.
import { VectorTile } from '@mapbox/vector-tile'
import {
  TILE_BUFFER,
  TILE_EXTENT,
  TILE_LAYER_NAMES,
  TILE_LAYERS,
  type TileLayerName,
  tileJsonResponse,
} from '@renewal-atlas/domain'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataChangesFor } from '../../apps/api/src/changes/data-changed.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { type BackendName, backends } from '../support/backends.ts'

interface TileAddress {
  z: number
  x: number
  y: number
}

interface DecodedFeature {
  id: number | undefined
  type: number
  properties: Record<string, string | number | boolean>
  /** Every vertex lies in the outermost unit of the tile buffer, outside what the tile shows. */
  onBufferEdge: boolean
  /** Some vertex lies in the tile proper (0 ≤ x, y < extent), not only in its buffer. */
  inTile: boolean
}

const EDGE_LOW = -TILE_BUFFER + 1
const EDGE_HIGH = TILE_EXTENT + TILE_BUFFER - 1

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

/** Every tile of zoom z that a WGS84 box touches. */
function tilesCovering([minLon, minLat, maxLon, maxLat]: number[], z: number): TileAddress[] {
  const nw = tileAt(minLon as number, maxLat as number, z)
  const se = tileAt(maxLon as number, minLat as number, z)
  const tiles: TileAddress[] = []
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y })
  return tiles
}

const tilePath = (layer: string, { z, x, y }: TileAddress) => `/api/v1/tiles/${layer}/${z}/${x}/${y}.mvt`

function decode(bytes: ArrayBuffer): VectorTile {
  return new VectorTile(new PbfReader(new Uint8Array(bytes)))
}

function featuresOf(tile: VectorTile, layer: string): DecodedFeature[] {
  const decoded = tile.layers[layer]
  if (!decoded) return []
  return Array.from({ length: decoded.length }, (_, i) => {
    const feature = decoded.feature(i)
    const points = feature.loadGeometry().flat()
    const onBufferEdge = ['x', 'y'].some((axis) =>
      points.every((p) => p[axis as 'x'] <= EDGE_LOW || p[axis as 'x'] >= EDGE_HIGH),
    )
    const inTile = points.some((p) => p.x >= 0 && p.x < TILE_EXTENT && p.y >= 0 && p.y < TILE_EXTENT)
    return { id: feature.id, type: feature.type, properties: feature.properties, onBufferEdge, inTile }
  })
}

/** A tile's features by id, or an empty list for a 204. */
async function fetchFeatures(app: TestApp, layer: TileLayerName, tile: TileAddress) {
  const res = await app.get(tilePath(layer, tile))
  expect([200, 204], `${tilePath(layer, tile)} → ${res.status}`).toContain(res.status)
  if (res.status === 204) return []
  const decoded = decode(await res.arrayBuffer())
  expect(Object.keys(decoded.layers)).toEqual([layer])
  return featuresOf(decoded, layer)
}

const typeOf = (value: unknown) =>
  ({ string: 'String', number: 'Number', boolean: 'Boolean' })[typeof value as 'string']

// Wufuyuan (五福苑), the reference compound: 9 buildings, 497 households, built 1996.
const WUFUYUAN = { lon: 104.10167, lat: 30.64724 }

const apps = new Map<BackendName, TestApp>()
beforeAll(async () => {
  for (const backend of backends) apps.set(backend, await startTestApp(backend))
})
afterAll(async () => {
  for (const app of apps.values()) await app.close()
})

describe.each(backends)('vector tiles on the %s backend', (backend) => {
  const app = () => apps.get(backend) as TestApp
  const wufuyuanId = async () => {
    const row = await app().server.db.knex('compounds').where({ name: '五福苑' }).first('id')
    return row.id as number
  }

  it('draws Wufuyuan in the compounds tile at z14 with its row id and exactly the compound tile properties', async () => {
    const res = await app().get(tilePath('compounds', tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 14)))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
    const tile = decode(await res.arrayBuffer())
    const layer = tile.layers.compounds
    expect(layer?.extent).toBe(4096)
    expect(layer?.version).toBe(2)
    const id = await wufuyuanId()
    const wufuyuan = featuresOf(tile, 'compounds').find((f) => f.id === id)
    expect(wufuyuan?.type).toBe(3) // polygon
    expect(wufuyuan?.properties).toEqual({
      code: 'C510104030004-013',
      name: '五福苑',
      streetCode: '510104030',
      communityCode: '510104030004',
      renovationStatus: expect.any(String),
      onOldRegister: true,
      builtYear: 1996,
      households: 497,
      ...(wufuyuan?.properties.renovationYear === undefined ? {} : { renovationYear: expect.any(Number) }),
    })
  })

  it('gives Wufuyuan one label point in compound-labels, in one tile around it, with the label properties', async () => {
    const id = await wufuyuanId()
    const centre = tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 16)
    const points: DecodedFeature[] = []
    for (const dx of [-1, 0, 1])
      for (const dy of [-1, 0, 1])
        for (const f of await fetchFeatures(app(), 'compound-labels', {
          z: 16,
          x: centre.x + dx,
          y: centre.y + dy,
        }))
          if (f.id === id && f.inTile) points.push(f)
    expect(points).toHaveLength(1)
    expect(points[0]?.type).toBe(1) // point
    expect(points[0]?.properties).toEqual({
      name: '五福苑',
      streetCode: '510104030',
      communityCode: '510104030004',
      renovationStatus: expect.any(String),
      onOldRegister: true,
      builtYear: 1996,
      households: 497,
    })
  })

  it('places exactly one label point per compound over the whole district', async () => {
    const district = tileJsonResponse.parse(await (await app().get('/api/v1/tiles/district.json')).json())
    const seen = new Map<number, number>()
    for (const tile of tilesCovering(district.bounds, 12)) {
      for (const f of await fetchFeatures(app(), 'compound-labels', tile)) {
        expect(f.type).toBe(1)
        if (f.inTile) seen.set(f.id as number, (seen.get(f.id as number) ?? 0) + 1)
      }
    }
    const row = await app().server.db.knex('compounds').count({ count: '*' }).first()
    expect(seen.size).toBe(Number(row?.count))
    expect([...seen.values()].every((n) => n === 1)).toBe(true)
  })

  it('draws the 9 buildings of Wufuyuan at z16, each with its compound id', async () => {
    const id = await wufuyuanId()
    const buildings = await fetchFeatures(app(), 'buildings', tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 16))
    const ofWufuyuan = buildings.filter((f) => f.properties.compoundId === id)
    // The compound may straddle a tile edge: the neighbours hold the rest.
    const around = [-1, 0, 1].flatMap((dx) =>
      [-1, 0, 1].map((dy) => {
        const t = tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 16)
        return { z: 16, x: t.x + dx, y: t.y + dy }
      }),
    )
    const ids = new Set<number>()
    for (const t of around)
      for (const f of await fetchFeatures(app(), 'buildings', t))
        if (f.properties.compoundId === id) ids.add(f.id as number)
    expect(ofWufuyuan.length).toBeGreaterThan(0)
    expect(ids.size).toBe(9)
  })

  it('gives each building of Wufuyuan its compound’s fields, which the map filters buildings by', async () => {
    const id = await wufuyuanId()
    const buildings = await fetchFeatures(app(), 'buildings', tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 16))
    const ofWufuyuan = buildings.filter((f) => f.properties.compoundId === id)
    expect(ofWufuyuan.length).toBeGreaterThan(0)
    for (const building of ofWufuyuan) {
      expect(building.properties).toMatchObject({
        streetCode: '510104030',
        communityCode: '510104030004',
        compoundStatus: 'completed',
        compoundOnOldRegister: true,
        compoundBuiltYear: 1996,
        compoundHouseholds: 497,
      })
    }
  })

  it.each(TILE_LAYER_NAMES)(
    'gives %s features with integer row ids and only its declared properties',
    async (layer) => {
      const spec = TILE_LAYERS[layer]
      const z = Math.max(spec.minzoom, 14)
      const features = await fetchFeatures(app(), layer, tileAt(WUFUYUAN.lon, WUFUYUAN.lat, z))
      expect(features.length).toBeGreaterThan(0)
      for (const feature of features) {
        expect(Number.isInteger(feature.id) && (feature.id as number) > 0).toBe(true)
        for (const [key, value] of Object.entries(feature.properties)) {
          expect(spec.fields, `${layer}.${key}`).toHaveProperty(key, typeOf(value))
        }
      }
      const ids = features.map((f) => f.id)
      expect(new Set(ids).size).toBe(ids.length)
    },
  )

  it('answers 204 below a layer’s minzoom and for a tile with no data, and 404 above its maxzoom', async () => {
    const below = await app().get(tilePath('buildings', tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 13)))
    expect(below.status).toBe(204)
    expect((await below.arrayBuffer()).byteLength).toBe(0)
    const nowhere = await app().get(tilePath('compounds', tileAt(0, 0, 14)))
    expect(nowhere.status).toBe(204)
    const above = await app().get(tilePath('compounds', tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 17)))
    expect(above.status).toBe(404)
    expect((await above.json()).code).toBe('not_found')
  })

  it('carries a strong ETag and cache headers, and answers If-None-Match with 304', async () => {
    const path = tilePath('roads', tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 14))
    const first = await app().get(path)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60')
    const again = await app().get(path)
    expect(again.headers.get('etag')).toBe(etag)
    expect(Buffer.from(await again.arrayBuffer())).toEqual(Buffer.from(await first.arrayBuffer()))
    const notModified = await app().get(path, { headers: { 'If-None-Match': `"other", ${etag}` } })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('etag')).toBe(etag)
    const weak = await app().get(path, { headers: { 'If-None-Match': `W/${etag}` } })
    expect(weak.status).toBe(304)
    const changed = await app().get(path, { headers: { 'If-None-Match': '"not-this-one"' } })
    expect(changed.status).toBe(200)
  })

  it('serves the cached tile until the data change is announced, then the new data', async () => {
    const knex = app().server.db.knex
    const id = await wufuyuanId()
    const path = tilePath('compounds', tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 15))
    const nameIn = async () => {
      const res = await app().get(path)
      const feature = featuresOf(decode(await res.arrayBuffer()), 'compounds').find((f) => f.id === id)
      return { name: feature?.properties.name, etag: res.headers.get('etag') }
    }
    // The label point is drawn from the same row: announcing a change of compounds renews it too.
    const labelPath = tilePath('compound-labels', tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 10))
    const labelIn = async () => {
      const res = await app().get(labelPath)
      return featuresOf(decode(await res.arrayBuffer()), 'compound-labels').find((f) => f.id === id)
        ?.properties.name
    }
    const before = await nameIn()
    expect(before.name).toBe('五福苑')
    expect(await labelIn()).toBe('五福苑')
    await knex('compounds').where({ id }).update({ name: '五福苑（改）' })
    try {
      expect((await nameIn()).name).toBe('五福苑') // still cached
      expect(await labelIn()).toBe('五福苑')
      const changes = dataChangesFor(app().server.db)
      // A change elsewhere in the district keeps this tile; one over it renews it.
      changes.emit([{ topic: 'compounds', extent: [104.02, 30.58, 104.03, 30.59] }])
      expect((await nameIn()).name).toBe('五福苑')
      const { lon, lat } = WUFUYUAN
      changes.emit([{ topic: 'compounds', extent: [lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001] }])
      const after = await nameIn()
      expect(after.name).toBe('五福苑（改）')
      expect(await labelIn()).toBe('五福苑（改）')
      expect(after.etag).not.toBe(before.etag)
      // A street's change reaches the compounds too: they carry the street code.
      await knex('compounds').where({ id }).update({ name: '五福苑' })
      dataChangesFor(app().server.db).emit([{ topic: 'streets' }])
      expect(await nameIn()).toEqual(before)
    } finally {
      await knex('compounds').where({ id }).update({ name: '五福苑' })
      dataChangesFor(app().server.db).emit([{ topic: 'compounds' }])
    }
  })

  it('describes each layer in TileJSON with an absolute tile URL, its zooms, bounds and field types', async () => {
    for (const layer of TILE_LAYER_NAMES) {
      const res = await app().get(`/api/v1/tiles/${layer}.json`)
      expect(res.status).toBe(200)
      const body = tileJsonResponse.parse(await res.json())
      expect(body.tiles).toEqual([`${app().url}/api/v1/tiles/${layer}/{z}/{x}/{y}.mvt`])
      expect(body.minzoom).toBe(TILE_LAYERS[layer].minzoom)
      expect(body.maxzoom).toBe(TILE_LAYERS[layer].maxzoom)
      expect(body.vector_layers).toEqual([
        expect.objectContaining({ id: layer, fields: TILE_LAYERS[layer].fields }),
      ])
      const [minLon, minLat, maxLon, maxLat] = body.bounds
      // Jinjiang lies around 104.06–104.17 E, 30.55–30.67 N.
      expect(minLon).toBeGreaterThan(104.0)
      expect(maxLon).toBeLessThan(104.25)
      expect(minLat).toBeGreaterThan(30.5)
      expect(maxLat).toBeLessThan(30.7)
    }
  })

  it.each([
    ['/api/v1/tiles/plans/14/0/0.mvt', 404, undefined],
    ['/api/v1/tiles/plans.json', 404, undefined],
    ['/api/v1/tiles/compounds/23/0/0.mvt', 400, 'z'],
    ['/api/v1/tiles/compounds/abc/0/0.mvt', 400, 'z'],
    ['/api/v1/tiles/compounds/14.5/0/0.mvt', 400, 'z'],
    ['/api/v1/tiles/compounds/14/16384/0.mvt', 400, 'x'],
    ['/api/v1/tiles/compounds/14/0/16384.mvt', 400, 'y'],
    ['/api/v1/tiles/compounds/14/-1/0.mvt', 400, 'x'],
    ['/api/v1/tiles/compounds/14/0/abc.mvt', 400, 'y'],
  ])('refuses %s with %i problem+json naming the parameter', async (path, status, name) => {
    const res = await app().get(path)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = await res.json()
    if (status === 404) {
      expect(problem.code).toBe('not_found')
      return
    }
    expect(problem.code).toBe('invalid_parameter')
    expect(problem.errors.map((e: { name: string }) => e.name)).toEqual([name])
    expect(problem.errors[0].in).toBe('path')
  })

  it.each([
    ['99999999999999999999', 0, 0],
    ['23', 0, 0],
    ['-1', 0, 0],
    ['abc', 0, 0],
  ])('refuses the zoom %s saying z must be a whole number from 0 to 22', async (z, x, y) => {
    const res = await app().get(`/api/v1/tiles/compounds/${z}/${x}/${y}.mvt`)
    expect(res.status).toBe(400)
    const problem = await res.json()
    expect(problem.errors).toEqual([
      { name: 'z', in: 'path', reason: 'z must be a whole number from 0 to 22' },
    ])
  })

  it('refuses a column of twenty digits by the grid of its zoom, not as an unsafe integer', async () => {
    const res = await app().get('/api/v1/tiles/compounds/14/99999999999999999999/0.mvt')
    expect(res.status).toBe(400)
    const problem = await res.json()
    expect(problem.errors).toEqual([{ name: 'x', in: 'path', reason: 'x must be at most 16383 at zoom 14' }])
  })
})

describe('vector tiles in the OpenAPI description', () => {
  it('lists the tile and TileJSON routes with the layer names and their problem responses', async () => {
    const doc = await (await (apps.get('embedded') as TestApp).get('/api/v1/openapi.json')).json()
    const tile = doc.paths['/api/v1/tiles/{layer}/{z}/{x}/{y}.mvt']?.get
    const tileJson = doc.paths['/api/v1/tiles/{layer}.json']?.get
    expect(tile.parameters.map((p: { name: string }) => p.name)).toEqual(['layer', 'z', 'x', 'y'])
    expect(tile.parameters[0].schema.enum).toEqual(TILE_LAYER_NAMES)
    expect(Object.keys(tile.responses)).toEqual(expect.arrayContaining(['200', '204', '304', '400', '404']))
    expect(tile.responses['200'].content['application/vnd.mapbox-vector-tile']).toBeDefined()
    expect(tile.responses['400'].content['application/problem+json']).toBeDefined()
    expect(tileJson.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/TileJSON',
    )
    expect(tileJson.responses['404'].content['application/problem+json']).toBeDefined()
  })
})

describe.runIf(backends.includes('server'))('embedded and server tiles side by side', () => {
  // Geometry may differ by a unit: PostGIS snaps to the grid before clipping to the buffer, geojson-vt clips first.
  // So a feature reaching less than a unit into the buffer may be in one tile only; it is outside what the tile
  // shows. Anything else (an id missing, a property or geometry type differing) fails.
  it('find the same feature ids, types and properties in every layer around Wufuyuan and over the district', async () => {
    const embedded = apps.get('embedded') as TestApp
    const server = apps.get('server') as TestApp
    const district = tileJsonResponse.parse(await (await server.get('/api/v1/tiles/district.json')).json())
    const tiles = [
      ...[10, 11, 12].flatMap((z) => tilesCovering(district.bounds, z)),
      ...[13, 14, 15, 16].map((z) => tileAt(WUFUYUAN.lon, WUFUYUAN.lat, z)),
      ...[-1, 1].map((d) => {
        const t = tileAt(WUFUYUAN.lon, WUFUYUAN.lat, 14)
        return { z: 14, x: t.x + d, y: t.y - d }
      }),
    ]
    let compared = 0
    let onEdgeOnly = 0
    for (const layer of TILE_LAYER_NAMES) {
      for (const tile of tiles) {
        const [fromEmbedded, fromServer] = await Promise.all([
          fetchFeatures(embedded, layer, tile),
          fetchFeatures(server, layer, tile),
        ])
        const ids = new Set([...fromEmbedded, ...fromServer].map((f) => f.id))
        const shared = (features: DecodedFeature[]) =>
          Object.fromEntries(
            features
              .filter(
                (f) =>
                  !f.onBufferEdge ||
                  (fromEmbedded.some((e) => e.id === f.id) && fromServer.some((s) => s.id === f.id)),
              )
              .map((f) => [f.id, { type: f.type, properties: f.properties }]),
          )
        const where = `${layer} ${tile.z}/${tile.x}/${tile.y}`
        expect(shared(fromEmbedded), where).toEqual(shared(fromServer))
        onEdgeOnly += ids.size - Object.keys(shared(fromServer)).length
        compared += fromServer.length
      }
    }
    expect(compared).toBeGreaterThan(5000)
    expect(onEdgeOnly).toBeLessThan(compared / 1000)
  })
})
