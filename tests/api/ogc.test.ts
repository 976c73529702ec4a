// OGC API Features (/ogc) over the demo data, on every backend: the documents GDAL and QGIS read, paging by next
// links, bbox, limit bounds and refusals, a design institute's streets, closed reading with a bearer token, and
// GDAL's OAPIF driver itself (ogrinfo, ogr2ogr) as the client the issue names.
import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { createApp, type createLogger } from '@renewal-atlas/api'
import { EXCHANGE_LAYERS, exportLayer } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { bearer, createBearerToken, createUser } from '../support/auth.ts'
import { backends } from '../support/backends.ts'

/** 沙河街道: the design institute's street. */
const SHAHE = '510104030'
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
/** Around Wufuyuan (五福苑) in Shahe. */
const WUFUYUAN_BOX = [104.095, 30.642, 104.108, 30.652] as const

const run = promisify(execFile)
const gdalVersion = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' })
const gdalMissing = gdalVersion.error !== undefined || gdalVersion.status !== 0
if (gdalMissing && !process.env.CI) {
  console.warn(
    'GDAL (ogrinfo, ogr2ogr) is not installed: the GDAL tests of tests/api/ogc.test.ts are skipped',
  )
}

/** Runs a GDAL tool against the service; `token` is sent as GDAL_HTTP_HEADERS, as a user would. */
async function gdal(tool: 'ogrinfo' | 'ogr2ogr', args: string[], token?: string): Promise<string> {
  const { stdout } = await run(tool, args, {
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      GDAL_HTTP_TIMEOUT: '60',
      CPL_DEBUG: 'OFF',
      ...(token ? { GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` } : {}),
    },
  })
  return stdout
}

interface Link {
  href: string
  rel: string
  type: string
}
interface Feature {
  type: 'Feature'
  id: number
  geometry: { type: string; coordinates: unknown } | null
  properties: Record<string, unknown>
}
interface Page {
  type: 'FeatureCollection'
  numberMatched: number
  numberReturned: number
  timeStamp: string
  links: Link[]
  features: Feature[]
}

const linkOf = (links: Link[], rel: string) => links.find((l) => l.rel === rel)

/** Bounding box of any GeoJSON geometry's positions. */
function boundsOf(geometry: Feature['geometry']): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [x, y] = value as number[]
      box[0] = Math.min(box[0], x as number)
      box[1] = Math.min(box[1], y as number)
      box[2] = Math.max(box[2], x as number)
      box[3] = Math.max(box[3], y as number)
    } else if (Array.isArray(value)) value.forEach(visit)
  }
  visit(geometry?.coordinates)
  return box
}

describe.each(backends)('OGC API Features on the %s backend', (backend) => {
  let app: TestApp
  let closedUrl: string
  let closeClosed: () => Promise<void>
  let designToken: string
  let viewerToken: string
  let tmp: string

  beforeAll(async () => {
    app = await startTestApp(backend, { demoAccounts: false })
    const { db } = app.server
    const design = await createUser(db, { role: 'design_institute', streets: [SHAHE] })
    designToken = await createBearerToken(db, design.id)
    viewerToken = await createBearerToken(db, (await createUser(db, { role: 'viewer' })).id)
    // The same database behind a second app with public read off.
    const quiet = pino({ level: 'silent' }) as unknown as ReturnType<typeof createLogger>
    const closed = createApp({ db, logger: quiet, version: 'test', publicRead: false })
    const server = closed.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    closedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    closeClosed = () => new Promise((resolve) => server.close(() => resolve()))
    tmp = await mkdtemp(path.join(os.tmpdir(), 'atlas-ogc-'))
  })
  afterAll(async () => {
    await closeClosed?.()
    await app?.close()
    if (tmp) await rm(tmp, { recursive: true, force: true })
  })

  const knex = () => app.server.db.knex
  const count = async (q: Knex.QueryBuilder) => {
    const [row] = await q.count<{ n: string | number }[]>('* as n')
    return Number(row?.n)
  }

  async function get(pathAndQuery: string, headers: Record<string, string> = {}) {
    const res = await app.get(pathAndQuery, { headers })
    expect(res.status, `${pathAndQuery} → ${res.status}`).toBe(200)
    return res
  }
  const page = async (pathAndQuery: string, headers?: Record<string, string>) =>
    (await (await get(pathAndQuery, headers)).json()) as Page

  /** Every feature of a query, following next links from the first page to the end. */
  async function allPages(first: string, headers?: Record<string, string>) {
    const features: Feature[] = []
    let numberMatched = -1
    let next: string | undefined = `${app.url}${first}`
    let pages = 0
    while (next) {
      const res = await fetch(next, { headers })
      expect(res.status, next).toBe(200)
      const body = (await res.json()) as Page
      numberMatched = body.numberMatched
      expect(body.numberReturned).toBe(body.features.length)
      features.push(...body.features)
      next = linkOf(body.links, 'next')?.href
      pages += 1
      expect(pages, 'next links never end').toBeLessThan(1_000)
    }
    return { features, numberMatched, pages }
  }

  async function problem(pathAndQuery: string, status: number) {
    const res = await app.get(pathAndQuery)
    expect(res.status, pathAndQuery).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    return (await res.json()) as { status: number; detail: string; errors?: { name: string }[] }
  }

  it('serves a landing page linking the API definition, conformance and the collections', async () => {
    const res = await get('/ogc')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const landing = (await res.json()) as { title: string; links: Link[] }
    expect(landing.title).toBe('焕新图谱 Renewal Atlas OGC API')
    const base = `${app.url}/ogc`
    expect(linkOf(landing.links, 'self')?.href).toBe(base)
    expect(linkOf(landing.links, 'service-desc')).toEqual(
      expect.objectContaining({ href: `${base}/api`, type: 'application/vnd.oai.openapi+json;version=3.0' }),
    )
    expect(linkOf(landing.links, 'conformance')?.href).toBe(`${base}/conformance`)
    expect(linkOf(landing.links, 'data')?.href).toBe(`${base}/collections`)
  })

  it('declares only the conformance classes it meets', async () => {
    const { conformsTo } = (await (await get('/ogc/conformance')).json()) as { conformsTo: string[] }
    const base = 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf'
    expect(conformsTo.sort()).toEqual([`${base}/core`, `${base}/geojson`, `${base}/oas30`])
  })

  it('describes itself in OpenAPI 3.0, with the bounded limit of every collection', async () => {
    const res = await get('/ogc/api')
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json; ?version=3\.0/)
    const api = (await res.json()) as {
      openapi: string
      servers: { url: string }[]
      paths: Record<string, { get: { parameters: { $ref: string }[] } }>
      components: { parameters: Record<string, { schema: Record<string, unknown> }> }
    }
    expect(api.openapi).toMatch(/^3\.0\./)
    expect(api.servers[0]?.url).toBe(`${app.url}/ogc`)
    for (const layer of exportLayer.values) {
      for (const suffix of ['', '/items', '/items/{featureId}']) {
        expect(api.paths, layer + suffix).toHaveProperty([`/collections/${layer}${suffix}`])
      }
    }
    expect(Object.keys(api.paths)).toEqual(
      expect.arrayContaining(['/', '/conformance', '/api', '/collections']),
    )
    const refs = api.paths['/collections/compounds/items']?.get.parameters.map((p) => p.$ref)
    expect(refs).toContain('#/components/parameters/limit')
    expect(api.components.parameters.limit?.schema).toMatchObject({
      minimum: 1,
      maximum: 10_000,
      default: 100,
    })
  })

  it('lists one collection per export layer, with zh and en titles, the extent in CRS84 and items links', async () => {
    const { collections, links } = (await (await get('/ogc/collections')).json()) as {
      links: Link[]
      collections: {
        id: string
        title: string
        itemType: string
        crs: string[]
        extent: { spatial: { bbox: number[][]; crs: string } }
        links: Link[]
      }[]
    }
    expect(linkOf(links, 'self')?.href).toBe(`${app.url}/ogc/collections`)
    expect(collections.map((c) => c.id)).toEqual(exportLayer.values)
    for (const c of collections) {
      const { label } = EXCHANGE_LAYERS[c.id as keyof typeof EXCHANGE_LAYERS]
      expect(c.title).toContain(label.zh)
      expect(c.title).toContain(label.en)
      expect(c.itemType).toBe('feature')
      expect(c.crs).toEqual([CRS84])
      expect(c.extent.spatial.crs).toBe(CRS84)
      const [x0, y0, x1, y1] = c.extent.spatial.bbox[0] as number[]
      // Jinjiang District lies around 104.06–104.17 E, 30.55–30.68 N.
      expect([x0, y0, x1, y1].every(Number.isFinite)).toBe(true)
      expect(x0).toBeGreaterThan(104)
      expect(x1).toBeLessThan(104.2)
      expect(y0).toBeGreaterThan(30.5)
      expect(y1).toBeLessThan(30.7)
      expect(linkOf(c.links, 'items')).toEqual(
        expect.objectContaining({
          href: `${app.url}/ogc/collections/${c.id}/items`,
          type: 'application/geo+json',
        }),
      )
    }
    const one = (await (await get('/ogc/collections/roads')).json()) as { id: string }
    expect(one).toEqual(collections.find((c) => c.id === 'roads'))
    await problem('/ogc/collections/plans', 404)
  })

  it('pages through all compounds by next links, each exactly once, numberMatched as in the database', async () => {
    const expected = await count(knex()('compounds'))
    const { features, numberMatched, pages } = await allPages('/ogc/collections/compounds/items?limit=500')
    expect(numberMatched).toBe(expected)
    expect(pages).toBe(Math.ceil(expected / 500))
    const ids = features.map((f) => f.id)
    expect(new Set(ids).size).toBe(expected)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    const first = features[0] as Feature
    expect(Number.isInteger(first.id)).toBe(true)
    expect(first.properties.id).toBe(first.id)
    expect(Object.keys(first.properties)).toEqual(EXCHANGE_LAYERS.compounds.fields.map((f) => f.name))
    expect(first.geometry?.type).toBe('Polygon')

    // The same pages by offset alone, and a prev link back.
    const byOffset = await page('/ogc/collections/compounds/items?limit=7&offset=500')
    expect(byOffset.features.map((f) => f.id)).toEqual(ids.slice(500, 507))
    const prev = linkOf(byOffset.links, 'prev')?.href ?? ''
    expect(new URL(prev).searchParams.get('offset')).toBe('493')
  })

  it('answers items as GeoJSON with the CRS84 header, the page figures and typed links', async () => {
    const res = await get('/ogc/collections/buildings/items')
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/)
    expect(res.headers.get('content-crs')).toBe(`<${CRS84}>`)
    const body = (await res.json()) as Page
    expect(body.type).toBe('FeatureCollection')
    expect(body.numberReturned).toBe(100)
    expect(Number.isNaN(Date.parse(body.timeStamp))).toBe(false)
    expect(linkOf(body.links, 'self')?.type).toBe('application/geo+json')
    const next = new URL(linkOf(body.links, 'next')?.href ?? '')
    expect(next.searchParams.get('limit')).toBe('100')
    expect(next.searchParams.get('offset')).toBe('100')
    expect(linkOf(body.links, 'prev')).toBeUndefined()

    const head = await app.get('/ogc/collections/buildings/items?limit=1', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('keeps only features that intersect the bbox, with 4 or 6 numbers and across the antimeridian', async () => {
    const [x0, y0, x1, y1] = WUFUYUAN_BOX
    const expected = await count(
      knex()('compounds').whereRaw('ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))', [
        x0,
        y0,
        x1,
        y1,
      ]),
    )
    expect(expected).toBeGreaterThan(0)
    const { features, numberMatched } = await allPages(
      `/ogc/collections/compounds/items?bbox=${WUFUYUAN_BOX.join(',')}&limit=10`,
    )
    expect(numberMatched).toBe(expected)
    expect(features).toHaveLength(expected)
    for (const f of features) {
      const [fx0, fy0, fx1, fy1] = boundsOf(f.geometry)
      expect(fx0 <= x1 && fx1 >= x0 && fy0 <= y1 && fy1 >= y0, `compound ${f.id} outside the box`).toBe(true)
    }
    const withHeights = await page(
      `/ogc/collections/compounds/items?bbox=${x0},${y0},-10,${x1},${y1},100&limit=1`,
    )
    expect(withHeights.numberMatched).toBe(expected)

    const all = await count(knex()('compounds'))
    // 170°E eastwards over the antimeridian to 110°E takes in Chengdu; 105°E round to 100°E leaves it out.
    expect((await page('/ogc/collections/compounds/items?bbox=170,-90,110,90&limit=1')).numberMatched).toBe(
      all,
    )
    expect((await page('/ogc/collections/compounds/items?bbox=105,-90,100,90&limit=1')).numberMatched).toBe(0)
  })

  it('bounds limit: at most 10000 (a larger value is lowered to it), at least 1, whole numbers only', async () => {
    const buildings = await count(knex()('buildings'))
    // The demo has fewer than 10000 buildings; the lowering itself is checked in ogc.params.test.ts.
    const clamped = await page('/ogc/collections/buildings/items?limit=20000')
    expect(clamped.numberReturned).toBe(Math.min(buildings, 10_000))
    for (const bad of ['0', '-1', '1.5', 'ten', '']) {
      const body = await problem(`/ogc/collections/buildings/items?limit=${bad}`, 400)
      expect(body.errors?.[0]?.name).toBe('limit')
    }
  })

  it('refuses a bad bbox, datetime or format, and unknown parameters, with 400 problem+json', async () => {
    const items = '/ogc/collections/compounds/items'
    for (const bbox of ['104,30,105', '104,30,105,31,1', 'a,b,c,d', '104,31,105,30', '104,30,105,91', '']) {
      expect((await problem(`${items}?bbox=${bbox}`, 400)).errors?.[0]?.name, bbox).toBe('bbox')
    }
    expect((await problem(`${items}?datetime=yesterday`, 400)).errors?.[0]?.name).toBe('datetime')
    expect((await problem(`${items}?f=html`, 400)).errors?.[0]?.name).toBe('f')
    expect((await problem(`${items}?filter=name%3D'x'`, 400)).errors?.[0]?.name).toBe('filter')
    expect((await problem('/ogc/collections?page=2', 400)).errors?.[0]?.name).toBe('page')
    expect((await problem('/ogc/collections/compounds/items/1?limit=1', 400)).errors?.[0]?.name).toBe('limit')
    // Accepted: f=json, and a valid datetime, which every feature matches (no layer has a temporal geometry).
    const all = await count(knex()('compounds'))
    expect((await page(`${items}?f=json&limit=1`)).numberMatched).toBe(all)
    const interval = encodeURIComponent('2020-01-01T00:00:00Z/..')
    expect((await page(`${items}?datetime=${interval}&limit=1`)).numberMatched).toBe(all)
  })

  it('serves one feature with its links, and 404 problem+json for one that does not exist', async () => {
    const [first] = (await page('/ogc/collections/facilities/items?limit=1')).features
    const res = await get(`/ogc/collections/facilities/items/${first?.id}`)
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/)
    const feature = (await res.json()) as Feature & { links: Link[] }
    expect({ ...feature, links: undefined }).toEqual({ ...first, links: undefined })
    expect(linkOf(feature.links, 'self')?.href).toBe(
      `${app.url}/ogc/collections/facilities/items/${first?.id}`,
    )
    expect(linkOf(feature.links, 'collection')?.href).toBe(`${app.url}/ogc/collections/facilities`)
    for (const id of ['999999999', '0', 'abc', '99999999999']) {
      await problem(`/ogc/collections/facilities/items/${id}`, 404)
    }
  })

  it('shows a design institute only the compounds and buildings of its streets', async () => {
    const headers = bearer(designToken)
    const inShahe = (table: 'compounds' | 'buildings') => {
      const q = knex()(`${table} as t`)
      if (table === 'buildings') q.join('compounds as c', 'c.id', 't.compound_id')
      return q
        .join('communities as cm', 'cm.id', table === 'buildings' ? 'c.community_id' : 't.community_id')
        .join('streets as s', 's.id', 'cm.street_id')
        .where('s.code', SHAHE)
    }
    const compounds = await allPages('/ogc/collections/compounds/items?limit=10000', headers)
    expect(compounds.numberMatched).toBe(await count(inShahe('compounds')))
    expect(compounds.numberMatched).toBeLessThan(await count(knex()('compounds')))
    expect(new Set(compounds.features.map((f) => f.properties.streetCode))).toEqual(new Set([SHAHE]))
    const buildings = await page('/ogc/collections/buildings/items?limit=1', headers)
    expect(buildings.numberMatched).toBe(await count(inShahe('buildings')))
    // Layers that are not compound-level stay whole.
    const roads = await page('/ogc/collections/roads/items?limit=1', headers)
    expect(roads.numberMatched).toBe(await count(knex()('roads')))

    const outside = await knex()('compounds as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .join('streets as s', 's.id', 'cm.street_id')
      .whereNot('s.code', SHAHE)
      .first('c.id')
    const refused = await app.get(`/ogc/collections/compounds/items/${outside.id}`, { headers })
    expect(refused.status).toBe(404)
    await get(`/ogc/collections/compounds/items/${compounds.features[0]?.id}`, headers)
  })

  it('needs a token when public reading is off, like /api/v1', async () => {
    for (const pathname of ['/ogc', '/ogc/collections', '/ogc/collections/compounds/items?limit=1']) {
      const anonymous = await fetch(`${closedUrl}${pathname}`)
      expect(anonymous.status, pathname).toBe(401)
      expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const withToken = await fetch(`${closedUrl}${pathname}`, { headers: bearer(viewerToken) })
      expect(withToken.status, pathname).toBe(200)
    }
    const badToken = await fetch(`${closedUrl}/ogc/collections`, { headers: bearer('atlas_not-a-token') })
    expect(badToken.status).toBe(401)
  })

  describe.skipIf(gdalMissing && !process.env.CI)('read by GDAL (OAPIF driver)', () => {
    const service = () => `OAPIF:${app.url}/ogc`

    it('lists the six collections with their geometry types', async () => {
      const out = await gdal('ogrinfo', ['-ro', '-so', service()])
      const listed = [...out.matchAll(/^\d+: (\w+) .*\((.+)\)$/gm)].map((m) => [m[1], m[2]])
      expect(listed).toEqual([
        ['compounds', 'Polygon'],
        ['buildings', 'Polygon'],
        ['roads', 'Line String'],
        ['facilities', 'Point'],
        ['streets', 'Multi Polygon'],
        ['communities', 'Multi Polygon'],
      ])
    })

    it('reports the feature count, the fields with their types and the extent of the compounds', async () => {
      const out = await gdal('ogrinfo', ['-ro', '-al', '-so', service(), 'compounds'])
      const compounds = await count(knex()('compounds'))
      expect(out).toContain(`Feature Count: ${compounds}`)
      const gdalType = { integer: 'Integer', number: 'Real', string: 'String', boolean: 'Integer(Boolean)' }
      for (const field of EXCHANGE_LAYERS.compounds.fields) {
        expect(out).toContain(`\n${field.name}: ${gdalType[field.type]} `)
      }
      const extent = out
        .match(/Extent: \(([\d.]+), ([\d.]+)\) - \(([\d.]+), ([\d.]+)\)/)
        ?.slice(1)
        .map(Number)
      const row = await knex()('compounds').first(
        knex().raw(
          'ST_XMin(ST_Extent(geom)) as x0, ST_YMin(ST_Extent(geom)) as y0, ST_XMax(ST_Extent(geom)) as x1, ' +
            'ST_YMax(ST_Extent(geom)) as y1',
        ),
      )
      expect(extent).toHaveLength(4)
      ;[row.x0, row.y0, row.x1, row.y1].forEach((value, i) => {
        expect(extent?.[i]).toBeCloseTo(Number(value), 5)
      })
    })

    it('copies every building out with ogr2ogr, following the next links', async () => {
      const file = path.join(tmp, `buildings-${backend}.geojson`)
      await gdal('ogr2ogr', ['-f', 'GeoJSON', file, service(), 'buildings', '-oo', 'PAGE_SIZE=1000'])
      const copied = JSON.parse(await readFile(file, 'utf8')) as { features: Feature[] }
      const ids = copied.features.map((f) => f.properties.id as number).sort((a, b) => a - b)
      const expected = (await knex()('buildings').orderBy('id').pluck('id')).map(Number)
      expect(ids).toEqual(expected)
    })

    it('pages at its own default page size too (10 features a request in GDAL 3.6)', async () => {
      const file = path.join(tmp, `facilities-${backend}.geojson`)
      await gdal('ogr2ogr', ['-f', 'GeoJSON', file, service(), 'facilities'])
      const copied = JSON.parse(await readFile(file, 'utf8')) as { features: Feature[] }
      expect(copied.features).toHaveLength(await count(knex()('facilities')))
    })

    it('reads a closed installation with a bearer token in GDAL_HTTP_HEADERS, and fails without', async () => {
      const closed = `OAPIF:${closedUrl}/ogc`
      await expect(gdal('ogrinfo', ['-ro', '-so', closed])).rejects.toThrow()
      const out = await gdal('ogrinfo', ['-ro', '-al', '-so', closed, 'streets'], viewerToken)
      expect(out).toContain(`Feature Count: ${await count(knex()('streets'))}`)
    })
  })
})
