// Exports through the real API on both backends: RFC 7946 GeoJSON, the coordinate systems (checked against
// PostGIS's own ST_Transform and gcoord), filters and areas like the map, every format and the bundle, area limits
// of a design institute, bad parameters; and GDAL reading what the API wrote.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXCHANGE_LAYERS } from '@renewal-atlas/domain'
import gcoord from 'gcoord'
import shapefile from 'shapefile'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { bearer, createBearerToken, createUser } from '../support/auth.ts'
import { backends } from '../support/backends.ts'
import { unzipAll } from '../support/zip.ts'

const SHAHE = '510104030'
const gdal = spawnSync('ogrinfo', ['--version']).status === 0
const needGdal = gdal || process.env.CI ? it : it.skip

interface FeatureCollection {
  type: string
  features: {
    type: string
    id: number
    geometry: { type: string; coordinates: unknown }
    properties: Record<string, unknown>
  }[]
  [key: string]: unknown
}

/** Signed area of a ring (shoelace): positive when counter-clockwise. */
const signedArea = (ring: number[][]) =>
  ring
    .slice(1)
    .reduce((sum, [x, y], i) => sum + ((ring[i]?.[0] ?? 0) * (y ?? 0) - (x ?? 0) * (ring[i]?.[1] ?? 0)), 0) /
  2

/** The first position of a feature's geometry; fails the test when there is none. */
function firstPosition(feature: { geometry: { coordinates: unknown } } | undefined): number[] {
  const [first] = positions(feature?.geometry.coordinates ?? [])
  if (!first) throw new Error('the feature has no position')
  return first
}

const positions = (coordinates: unknown): number[][] =>
  Array.isArray(coordinates) && typeof coordinates[0] === 'number'
    ? [coordinates as number[]]
    : (coordinates as unknown[]).flatMap(positions)

describe.each(backends)('exports on the %s backend', (backend) => {
  let app: TestApp
  let wufuyuan: number
  let tmp: string

  beforeAll(async () => {
    app = await startTestApp(backend)
    const row = await app.server.db.knex('compounds').where({ name: '五福苑' }).first('id')
    wufuyuan = Number(row.id)
    tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-exports-'))
  })
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true })
    await app?.close()
  })

  const download = async (pathAndQuery: string, init?: RequestInit) => {
    const res = await app.get(pathAndQuery, init)
    expect(
      res.status,
      await res
        .clone()
        .text()
        .then((t) => t.slice(0, 300)),
    ).toBe(200)
    return { res, body: Buffer.from(await res.arrayBuffer()) }
  }

  it('writes every compound as RFC 7946 GeoJSON: no crs member, CCW exterior rings, at most 7 decimals', async () => {
    const { res, body } = await download('/api/v1/exports/compounds')
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/)
    expect(res.headers.get('content-disposition')).toMatch(/filename="compounds\.geojson"/)
    expect(res.headers.get('x-feature-count')).toBe('1189')
    const text = body.toString('utf8')
    const collection = JSON.parse(text) as FeatureCollection
    expect(collection.type).toBe('FeatureCollection')
    expect(collection.crs).toBeUndefined()
    expect(collection.features).toHaveLength(1189)
    // One feature per line, for progress counting.
    expect(
      text.split('\n').filter((line) => line.replace(/^,/, '').startsWith('{"type":"Feature"')),
    ).toHaveLength(1189)
    for (const feature of collection.features) {
      const rings = feature.geometry.coordinates as number[][][]
      expect(signedArea(rings[0] as number[][])).toBeGreaterThan(0)
      for (const hole of rings.slice(1)) expect(signedArea(hole)).toBeLessThan(0)
    }
    const decimals = Math.max(
      ...positions(collection.features.map((f) => f.geometry.coordinates)).flatMap((p) =>
        p.map((n) => String(n).split('.')[1]?.length ?? 0),
      ),
    )
    expect(decimals).toBeLessThanOrEqual(7)
    const five = collection.features.find((f) => f.properties.name === '五福苑')
    expect(five?.properties).toMatchObject({ streetCode: SHAHE, households: 497, builtYear: 1996 })
    expect(Object.keys(five?.properties ?? {})).toEqual(EXCHANGE_LAYERS.compounds.fields.map((f) => f.name))
  })

  it('filters like the map: the same count as the compound list for street, status, register and years', async () => {
    const query = `street=${SHAHE}&status=completed,planned&onRegister=true&builtFrom=1980&builtTo=2000`
    const list = (await (await app.get(`/api/v1/compounds?${query}&limit=1`)).json()) as {
      numberMatched: number
    }
    const { body } = await download(`/api/v1/exports/compounds?${query}`)
    const exported = JSON.parse(body.toString()) as FeatureCollection
    expect(list.numberMatched).toBeGreaterThan(0)
    expect(exported.features).toHaveLength(list.numberMatched)
    for (const f of exported.features) {
      expect(f.properties.streetCode).toBe(SHAHE)
      expect(['completed', 'planned']).toContain(f.properties.renovationStatus)
    }
  })

  it('writes EPSG:4544 and 4523 in metres, as PostGIS transforms them, and names the system in the file name and sidecar', async () => {
    const [expected] = (
      await app.server.db.knex.raw(
        `select ST_X(p4544) as x, ST_Y(p4544) as y, ST_X(p4523) as x35 from (
         select ST_Transform(ST_PointN(ST_ExteriorRing(ST_ForcePolygonCCW(geom)), 1), 4544) as p4544,
                ST_Transform(ST_PointN(ST_ExteriorRing(ST_ForcePolygonCCW(geom)), 1), 4523) as p4523
         from compounds where id = ?) q`,
        [wufuyuan],
      )
    ).rows as { x: number; y: number; x35: number }[]
    const near = `near=${wufuyuan}&radius=0`
    const { res, body } = await download(`/api/v1/exports/compounds?crs=4544&${near}`)
    expect(res.headers.get('content-disposition')).toMatch(/filename="compounds_EPSG4544\.geojson"/)
    expect(res.headers.get('link')).toMatch(
      /\/api\/v1\/exports\/compounds\/metadata\?crs=4544.*rel="describedby"/,
    )
    const five = (JSON.parse(body.toString()) as FeatureCollection).features.find((f) => f.id === wufuyuan)
    const [x, y] = firstPosition(five)
    expect(x).toBeCloseTo(expected?.x as number, 2)
    expect(y).toBeCloseTo(expected?.y as number, 2)
    expect(x).toBeGreaterThan(300_000)
    expect(x).toBeLessThan(700_000)
    expect(y).toBeGreaterThan(3_300_000)
    expect(y).toBeLessThan(3_500_000)

    const zone = JSON.parse(
      (await download(`/api/v1/exports/compounds?crs=4523&${near}`)).body.toString(),
    ) as FeatureCollection
    const [x35 = 0] = firstPosition(zone.features.find((f) => f.id === wufuyuan))
    expect(x35).toBeGreaterThan(35_000_000)
    expect(Math.abs(x35 - (expected?.x35 ?? 0))).toBeLessThan(0.01)

    const sidecar = (await (await app.get(`/api/v1/exports/compounds/metadata?crs=4544&${near}`)).json()) as {
      crs: { epsg: number; units: string }
      layers: { file: string; features: number; fields: { name: string; zh: string }[] }[]
    }
    expect(sidecar.crs).toMatchObject({ epsg: 4544, units: 'metre' })
    expect(sidecar.layers[0]?.file).toBe('compounds_EPSG4544.geojson')
    expect(sidecar.layers[0]?.fields.find((f) => f.name === 'households')?.zh).toBe('户数')
  })

  it('offsets GCJ-02 as gcoord does, and back within a metre', async () => {
    const wgs = JSON.parse(
      (await download(`/api/v1/exports/facilities?bbox=104.09,30.63,104.11,30.66`)).body.toString(),
    ) as FeatureCollection
    const gcj = JSON.parse(
      (await download(`/api/v1/exports/facilities?bbox=104.09,30.63,104.11,30.66&crs=gcj02`)).body.toString(),
    ) as FeatureCollection
    expect(gcj.features.length).toBe(wgs.features.length)
    expect(gcj.features.length).toBeGreaterThan(0)
    for (const [i, f] of gcj.features.entries()) {
      const original = wgs.features[i]?.geometry.coordinates as [number, number]
      const shifted = f.geometry.coordinates as [number, number]
      expect(Math.abs(shifted[0] - original[0]) + Math.abs(shifted[1] - original[1])).toBeGreaterThan(0.001)
      const back = gcoord.transform(shifted, gcoord.GCJ02, gcoord.WGS84) as [number, number]
      expect(Math.abs(back[0] - original[0])).toBeLessThan(1e-5)
      expect(Math.abs(back[1] - original[1])).toBeLessThan(1e-5)
    }
  })

  it('limits to the surroundings of a compound, and cuts there with clip', async () => {
    const whole = JSON.parse(
      (await download(`/api/v1/exports/buildings?near=${wufuyuan}&radius=100`)).body.toString(),
    ) as FeatureCollection
    const cut = JSON.parse(
      (await download(`/api/v1/exports/roads?near=${wufuyuan}&radius=100&clip=true`)).body.toString(),
    ) as FeatureCollection
    expect(whole.features.some((f) => f.properties.compoundName === '五福苑')).toBe(true)
    expect(cut.features.length).toBeGreaterThan(0)
    const [inside] = (
      await app.server.db.knex.raw(
        `select bool_and(ST_DWithin(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326)::geography, c.geom::geography, 100.5)) as ok
       from unnest(?::text[]) g, compounds c where c.id = ?`,
        [cut.features.map((f) => JSON.stringify(f.geometry)), wufuyuan],
      )
    ).rows as { ok: boolean }[]
    expect(inside?.ok).toBe(true)
  })

  it('writes GeoJSON Text Sequences and CSV (WKT, lon/lat for points, formula cells escaped)', async () => {
    const seq = (await download(`/api/v1/exports/facilities?format=geojsonseq`)).body.toString()
    const records = seq.split('\x1e').filter(Boolean)
    const [count] = (await app.server.db.knex('facilities').count('* as n')) as { n: string }[]
    expect(records).toHaveLength(Number(count?.n))
    for (const record of records.slice(0, 5)) expect(JSON.parse(record).type).toBe('Feature')

    const [firstFacility] = (await app.server.db.knex('facilities').min('id as id')) as { id: number }[]
    await app.server.db
      .knex('facilities')
      .where('id', firstFacility?.id ?? 0)
      .update({ name: '=HYPERLINK("x")' })
    const { res, body } = await download(`/api/v1/exports/facilities?format=csv&csvGeometry=lonlat`)
    expect(res.headers.get('content-disposition')).toMatch(/facilities\.csv/)
    const csv = body.toString('utf8')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, first] = csv.slice(1).split('\r\n')
    expect(header).toBe([...EXCHANGE_LAYERS.facilities.fields.map((f) => f.name), 'lon', 'lat'].join(','))
    expect(first).toContain(`"'=HYPERLINK(""x"")"`)
    const wkt = (await download(`/api/v1/exports/compounds?format=csv&street=${SHAHE}`)).body.toString()
    expect(wkt).toMatch(/"POLYGON \(\(104\.\d+ 30\.\d+/)
  })

  it('writes a zipped Shapefile with .prj and a UTF-8 .cpg, Chinese attributes intact', async () => {
    const { res, body } = await download(
      `/api/v1/exports/compounds?format=shapefile&crs=4544&street=${SHAHE}`,
    )
    expect(res.headers.get('content-disposition')).toMatch(/compounds_EPSG4544\.zip/)
    const files = await unzipAll(body)
    const names = [...files.keys()].sort()
    expect(names).toEqual(
      ['.cpg', '.dbf', '.prj', '.shp', '.shx'].map((ext) => `compounds_EPSG4544${ext}`).sort(),
    )
    expect(files.get('compounds_EPSG4544.cpg')?.toString().trim()).toBe('UTF-8')
    expect(files.get('compounds_EPSG4544.prj')?.toString()).toMatch(/105/)
    const source = await shapefile.open(
      new Uint8Array(files.get('compounds_EPSG4544.shp') as Buffer).buffer,
      new Uint8Array(files.get('compounds_EPSG4544.dbf') as Buffer).buffer,
      { encoding: 'utf-8' },
    )
    const read: { properties: Record<string, unknown> | null }[] = []
    for (let r = await source.read(); !r.done; r = await source.read()) read.push(r.value)
    const list = (await (await app.get(`/api/v1/compounds?street=${SHAHE}&limit=1`)).json()) as {
      numberMatched: number
    }
    expect(read).toHaveLength(list.numberMatched)
    expect(read.some((f) => f.properties?.name === '五福苑' && f.properties?.street_nm === '沙河街道')).toBe(
      true,
    )
  })

  it('bundles the area around Wufuyuan: every layer, README with fields and units, metadata.json, and DXF in metres', async () => {
    const { res, body } = await download(
      `/api/v1/exports/bundle?near=${wufuyuan}&radius=300&crs=4544&name=wufuyuan`,
    )
    expect(res.headers.get('content-disposition')).toMatch(/wufuyuan_EPSG4544\.zip/)
    const files = await unzipAll(body)
    expect([...files.keys()].sort()).toEqual(
      ['README.md', 'metadata.json', ...Object.keys(EXCHANGE_LAYERS).map((l) => `${l}_EPSG4544.geojson`)]
        .map((name) => `wufuyuan_EPSG4544/${name}`)
        .sort(),
    )
    const readme = files.get('wufuyuan_EPSG4544/README.md')?.toString() ?? ''
    expect(readme).toContain('4544')
    expect(readme).toContain('户数')
    expect(readme).toContain('Households')
    expect(readme).toContain('红线宽度')
    const metadata = JSON.parse(files.get('wufuyuan_EPSG4544/metadata.json')?.toString() ?? '{}')
    expect(metadata.crs.epsg).toBe(4544)
    const compounds = JSON.parse(
      files.get('wufuyuan_EPSG4544/compounds_EPSG4544.geojson')?.toString() ?? '{}',
    ) as FeatureCollection
    expect(compounds.features.some((f) => f.properties.name === '五福苑')).toBe(true)

    const dxf = await download(`/api/v1/exports/bundle?near=${wufuyuan}&radius=300&format=dxf&name=wufuyuan`)
    const drawing = [...(await unzipAll(dxf.body)).entries()].find(([name]) => name.endsWith('.dxf'))
    expect(drawing?.[0]).toBe('wufuyuan_EPSG4544/wufuyuan_EPSG4544.dxf')
    const text = drawing?.[1].toString('latin1') ?? ''
    for (const layer of ['COMPOUNDS', 'BUILDINGS', 'ROADS', 'FACILITIES']) expect(text).toContain(layer)
  })

  needGdal('is read by GDAL: GeoJSON in 4544, the Shapefile and the DXF', async () => {
    const save = async (name: string, query: string) => {
      const file = path.join(tmp, name)
      writeFileSync(file, (await download(query)).body)
      return file
    }
    const geojson = await save('c.geojson', `/api/v1/exports/compounds?street=${SHAHE}`)
    expect(execFileSync('ogrinfo', ['-ro', '-al', '-so', geojson], { encoding: 'utf8' })).toMatch(
      /Feature Count: \d+/,
    )
    const zip = await save(
      'c.zip',
      `/api/v1/exports/buildings?format=shapefile&crs=4544&near=${wufuyuan}&radius=200`,
    )
    const shp = execFileSync('ogrinfo', ['-ro', '-al', '-so', `/vsizip/${zip}`], { encoding: 'utf8' })
    expect(shp).toMatch(/CGCS2000|105/)
    expect(shp).toMatch(/cmpd_name: String/)
    const dxf = await save('c.dxf', `/api/v1/exports/buildings?format=dxf&near=${wufuyuan}&radius=200`)
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', dxf], { encoding: 'utf8' })
    const extent = info.match(/Extent: \(([\d.]+), ([\d.]+)\)/)
    expect(Number(extent?.[1])).toBeGreaterThan(300_000)
    expect(Number(extent?.[2])).toBeGreaterThan(3_300_000)
  })

  it('gives a design institute only its streets’ compounds and buildings, but every road', async () => {
    const user = await createUser(app.server.db, { role: 'design_institute', streets: [SHAHE] })
    const token = await createBearerToken(app.server.db, user.id)
    const compounds = JSON.parse(
      (await download('/api/v1/exports/compounds', { headers: bearer(token) })).body.toString(),
    ) as FeatureCollection
    expect(compounds.features.length).toBeGreaterThan(0)
    expect(compounds.features.every((f) => f.properties.streetCode === SHAHE)).toBe(true)
    const roads = await download('/api/v1/exports/roads?format=geojsonseq', { headers: bearer(token) })
    const all = await download('/api/v1/exports/roads?format=geojsonseq')
    expect(roads.res.headers.get('x-feature-count')).toBe(all.res.headers.get('x-feature-count'))
  })

  it('stops reading when the client goes away, and the database stays usable', async () => {
    // More aborted downloads than the server pool has connections (8 in tests): a connection kept by one would
    // leave the requests below waiting for the pool.
    for (let i = 0; i < 10; i++) {
      const controller = new AbortController()
      const res = await app.get('/api/v1/exports/buildings', { signal: controller.signal })
      const reader = res.body?.getReader()
      await reader?.read()
      controller.abort()
      await reader?.cancel().catch(() => undefined)
    }
    // More requests than the pool has connections: each would fail on a connection left half way in a COPY.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => app.get('/api/v1/exports/streets?format=geojsonseq')),
    )
    for (const res of answers) {
      expect(res.status).toBe(200)
      expect((await res.text()).split('\x1e').filter(Boolean)).toHaveLength(11)
    }
    expect(app.logs.filter((line) => line.level >= 50)).toEqual([])
  })

  it.each([
    ['{"type":"Point","coordinates":[104.08,30.65]}', 'a Point is not a Polygon or MultiPolygon'],
    [
      '{"type":"Polygon","coordinates":[[[1e999,30.62],[104.1,30.62],[104.1,30.64],[1e999,30.62]]]}',
      '1e999 is not a finite number (at coordinates[0][0][0])',
    ],
    [
      '{"type":"Polygon","coordinates":[[[104.08,30.62],[204.1,30.62],[104.1,30.64],[104.08,30.62]]]}',
      '204.1 is not a longitude, which must be from -180 to 180 (at coordinates[0][1][0])',
    ],
    [
      '{"type":"Polygon","coordinates":[[[104.08,30.62],[104.1,30.62],[104.1,30.64],[104.08,30.63]]]}',
      'a ring must end where it starts: its first and last positions differ (at coordinates[0])',
    ],
    ['{"type":"Polygon"', 'not GeoJSON: the text is not valid JSON'],
  ])('refuses the area %s saying once what is wrong', async (area, reason) => {
    const res = await app.get(`/api/v1/exports/compounds?area=${encodeURIComponent(area)}`)
    expect(res.status).toBe(400)
    const problem = (await res.json()) as { detail: string; errors: unknown[] }
    expect(problem.errors).toEqual([{ name: 'area', in: 'query', reason }])
    expect(problem.detail).toBe(`area: ${reason}`)
  })

  it('refuses a self-intersecting area with PostGIS’s reason on `area`, before any byte of the file', async () => {
    // A bow tie around 104.09, 30.65: its edges cross in the middle.
    const bowTie = JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [
          [104.08, 30.64],
          [104.1, 30.66],
          [104.1, 30.64],
          [104.08, 30.66],
          [104.08, 30.64],
        ],
      ],
    })
    const area = encodeURIComponent(bowTie)
    for (const path of [
      `/api/v1/exports/compounds?area=${area}`,
      `/api/v1/exports/buildings?area=${area}&clip=true&format=shapefile`,
      `/api/v1/exports/compounds/metadata?area=${area}`,
      `/api/v1/exports/bundle?layers=compounds,roads&area=${area}&format=dxf`,
    ]) {
      const res = await app.get(path)
      expect(res.status, path).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(res.headers.get('content-disposition')).toBeNull()
      const problem = (await res.json()) as { detail: string; errors: unknown[] }
      expect(problem.errors).toEqual([
        { name: 'area', in: 'query', reason: 'not a valid polygon: Self-intersection[104.09 30.65]' },
      ])
      expect(problem.detail).toBe('area: not a valid polygon: Self-intersection[104.09 30.65]')
    }
    // The same square drawn the right way round exports.
    const square = bowTie.replace('[104.1,30.66],[104.1,30.64]', '[104.1,30.64],[104.1,30.66]')
    expect((await app.get(`/api/v1/exports/compounds?area=${encodeURIComponent(square)}`)).status).toBe(200)
  })

  it.each([
    ['/api/v1/exports/parcels', 'layer', 400],
    ['/api/v1/exports/compounds?format=kml', 'format', 400],
    ['/api/v1/exports/compounds?crs=3857', 'crs', 400],
    ['/api/v1/exports/compounds?format=dxf&crs=4326', 'crs', 400],
    ['/api/v1/exports/compounds?clip=true', 'clip', 400],
    ['/api/v1/exports/compounds?format=csv&csvGeometry=lonlat', 'csvGeometry', 400],
    ['/api/v1/exports/compounds?area=%7B%22type%22%3A%22Point%22%7D', 'area', 400],
    ['/api/v1/exports/compounds?radius=100', 'radius', 400],
    ['/api/v1/exports/compounds?near=99999999', undefined, 404],
    ['/api/v1/exports/bundle?layers=compounds,moon', 'layers', 400],
  ])('refuses %s naming %s', async (url, field, status) => {
    const res = await app.get(url)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const problem = (await res.json()) as { errors?: { name: string }[] }
    if (field) expect(problem.errors?.map((e) => e.name)).toContain(field)
  })
})
