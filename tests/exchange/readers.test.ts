// readUpload on whole files: every malformed file of the corpus is refused with its code, status and a reason, and
// valid GeoJSON, GeoJSON text sequences (ours and GDAL's), zipped Shapefiles (ours, yazl's and GDAL's) and CSV files
// (lon/lat, WKT, GCJ-02, GBK) read right.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ReasonCoordinateCellNotNumber,
  ReasonCrsDeclared,
  ReasonRingNotClosed,
  ReasonWktUnreadable,
} from '@renewal-atlas/domain'
import {
  FileRejected,
  featureJson,
  type Geometry,
  geojsonSeqChunks,
  guessCrs,
  positionFromWgs84,
  readUpload,
  type SourceDataset,
  toWgs84,
} from '@renewal-atlas/exchange'
import gcoord from 'gcoord'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import yazl from 'yazl'
import { buildingsShapefile, MALFORMED_CASES } from './corpus/malformed.ts'
import { shapefileBytes } from './corpus/shapefile-bytes.ts'
import { zipBytes } from './corpus/zip-bytes.ts'

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
const read = (name: string, bytes: Uint8Array, options: Partial<Parameters<typeof readUpload>[1]> = {}) =>
  readUpload({ name, bytes }, { encoding: 'auto', ...options })

async function rejection(promise: Promise<unknown>): Promise<FileRejected> {
  try {
    await promise
  } catch (error) {
    if (error instanceof FileRejected) return error
    throw error
  }
  throw new Error('expected the upload to be refused')
}

describe('the corpus of malformed files', () => {
  it('has a case for every rejection the issue lists', () => {
    const codes = new Set(MALFORMED_CASES.map((c) => c.expect.code))
    for (const code of [
      'file_too_large',
      'zip_bomb',
      'zip_too_many_entries',
      'zip_unsafe_path',
      'zip_nested',
      'shapefile_inconsistent',
      'shapefile_incomplete',
      'shapefile_invalid',
      'json_too_deep',
      'json_invalid',
      'encoding_invalid',
      'unsupported_format',
      'no_features',
      'csv_invalid',
    ]) {
      expect(codes, code).toContain(code)
    }
  })

  it.each(MALFORMED_CASES.map((c) => [c.name, c] as const))('refuses %s', async (_, testCase) => {
    const error = await rejection(readUpload(testCase.file, { encoding: 'auto' }))
    expect({ code: error.code, status: error.status }).toEqual(testCase.expect)
    expect(error.reason.length).toBeGreaterThan(20)
  })

  it('names what was wrong', async () => {
    const reasons = new Map<string, string>()
    for (const c of MALFORMED_CASES)
      reasons.set(c.name, (await rejection(readUpload(c.file, { encoding: 'auto' }))).reason)
    expect(reasons.get('zip entry with a ../ path')).toBe(
      'Zip entry ../evil.shp has a path outside the archive',
    )
    expect(reasons.get('zip bomb: 50 MB of zeros deflated (ratio about 1000:1)')).toMatch(
      /^Zip entry bomb\.shp declares 50 MB uncompressed from [\d.]+ KB \(ratio [\d,]+:1, limit 100:1\)$/,
    )
    expect(reasons.get('zip declaring 210 MB in total, each entry within the ratio limit')).toBe(
      'The zip declares 210 MB uncompressed (limit 200 MB)',
    )
    expect(reasons.get('Shapefile whose .shx has 12 records and .dbf 14')).toBe(
      'buildings.shx holds 12 records but buildings.dbf holds 14',
    )
    expect(reasons.get('GeoJSON nested 100,000 levels deep')).toBe(
      'JSON is nested 100,000 levels deep (limit 64)',
    )
    expect(reasons.get('GeoJSON whose one ring has 2 million vertices')).toContain(
      '2,000,000 vertices (limit 100,000)',
    )
    expect(reasons.get('GeoJSON with a __proto__ key')).toContain('"__proto__"')
  })
})

describe('GeoJSON', () => {
  const polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [104.0612, 30.6612],
        [104.0617, 30.6612],
        [104.0617, 30.6617],
        [104.0612, 30.6612],
      ],
    ],
  }

  it('reads a FeatureCollection: geometry in 2D, properties as written, nested values as JSON text', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 7,
          properties: { code: 'WFY', name: '五福苑', households: 420, tags: ['老旧', '院落'] },
          geometry: { ...polygon, coordinates: [polygon.coordinates[0]?.map(([x, y]) => [x, y, 500])] },
        },
        { type: 'Feature', properties: { code: 'EMPTY', extra: true }, geometry: null },
      ],
    }
    const dataset = await read('compounds.geojson', utf8(JSON.stringify(collection)))
    expect(dataset).toMatchObject({
      format: 'geojson',
      encoding: 'utf-8',
      prj: null,
      columns: ['code', 'name', 'households', 'tags', 'extra'],
    })
    const [first, second] = dataset.features
    expect(first?.geometry).toEqual(polygon)
    expect({ ...first?.properties }).toEqual({
      code: 'WFY',
      name: '五福苑',
      households: 420,
      tags: '["老旧","院落"]',
    })
    expect(Object.getPrototypeOf(first?.properties)).toBeNull()
    expect(second).toMatchObject({ n: 2, geometry: null, issues: [] })
  })

  it('reads a single Feature and a bare geometry', async () => {
    const feature = await read(
      'one.geojson',
      utf8(JSON.stringify({ type: 'Feature', properties: { a: 1 }, geometry: polygon })),
    )
    expect(feature.features).toHaveLength(1)
    const bare = await read('bare.json', utf8(JSON.stringify(polygon)))
    expect(bare.features[0]?.geometry?.type).toBe('Polygon')
    expect(bare.columns).toEqual([])
  })

  it('keeps the GeoJSON 2008 crs member for guessCrs', async () => {
    const projected = positionFromWgs84('4544')([104.0612, 30.6612])
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4544' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: projected } }],
    })
    const dataset = await read('gk.geojson', utf8(text))
    expect(guessCrs(dataset).crs).toBe('4544')
  })

  it('turns unreadable geometries into feature issues and keeps the readable features', async () => {
    const big = Array.from({ length: 100_001 }, (_, i) => [104.06 + i * 1e-7, 30.66])
    big.push(big[0] as number[])
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'OK' }, geometry: polygon },
        {
          type: 'Feature',
          properties: { code: 'OPEN' },
          geometry: {
            type: 'Polygon',
            coordinates: [polygon.coordinates[0]?.slice(0, 3).concat([[104, 30]])],
          },
        },
        {
          type: 'Feature',
          properties: { code: 'TEXT' },
          geometry: { type: 'Point', coordinates: ['104', '30'] },
        },
        {
          type: 'Feature',
          properties: { code: 'GC' },
          geometry: { type: 'GeometryCollection', geometries: [] },
        },
        { type: 'Feature', properties: { code: 'BIG' }, geometry: { type: 'Polygon', coordinates: [big] } },
        { type: 'Feature', properties: { code: 'LONG', note: 'x'.repeat(10_001) }, geometry: polygon },
      ],
    }
    const dataset = await read('mixed.geojson', utf8(JSON.stringify(collection)))
    const issues = dataset.features.map((f) => f.issues.map((i) => i.code))
    expect(issues).toEqual([
      [],
      ['invalid_geometry'],
      ['invalid_geometry'],
      ['wrong_geometry_type'],
      ['too_many_vertices'],
      ['invalid_value'],
    ])
    expect(dataset.features[1]?.issues[0]).toMatchObject({
      reason: ReasonRingNotClosed,
      params: { geometryType: 'Polygon', ring: 1 },
    })
    expect(dataset.features[4]?.geometry).toBeNull()
    expect(dataset.features[5]?.properties.note).toHaveLength(10_000)
  })

  it('refuses a feature collection over the feature limit before reading features', async () => {
    const features = Array.from({ length: 50_001 }, () => ({
      type: 'Feature',
      properties: null,
      geometry: null,
    }))
    const error = await rejection(
      read('many.geojson', utf8(JSON.stringify({ type: 'FeatureCollection', features }))),
    )
    expect([error.code, error.status]).toEqual(['too_many_features', 413])
  })
})

describe('GeoJSON text sequences', () => {
  const RS = '\x1e'
  const features = [
    { code: 'F1', name: '五福苑菜市场', coordinates: [104.0612, 30.6612] },
    { code: 'F2', name: '水井坊养老站', coordinates: [104.0712, 30.6512] },
    { code: 'F3', name: '合江亭书屋', coordinates: [104.0812, 30.6412] },
  ].map(({ coordinates, ...properties }, i) =>
    featureJson({ id: i + 1, properties, geometry: { type: 'Point', coordinates } }, 7),
  )
  const expectFacilities = (dataset: SourceDataset) => {
    expect(dataset).toMatchObject({ format: 'geojsonseq', encoding: 'utf-8', columns: ['code', 'name'] })
    expect(dataset.features.map((f) => [f.n, f.properties.name, f.geometry?.coordinates])).toEqual([
      [1, '五福苑菜市场', [104.0612, 30.6612]],
      [2, '水井坊养老站', [104.0712, 30.6512]],
      [3, '合江亭书屋', [104.0812, 30.6412]],
    ])
  }

  it('reads an RS sequence as our exports write it', async () => {
    let text = ''
    for await (const chunk of geojsonSeqChunks(
      (async function* () {
        yield features.slice(0, 2)
        yield features.slice(2)
      })(),
    ))
      text += chunk
    expect(text.startsWith(RS)).toBe(true)
    expectFacilities(await read('facilities.geojsons', utf8(text)))
  })

  it('reads newline-delimited GeoJSON, and GBK text by the same encoding rules as GeoJSON', async () => {
    expectFacilities(await read('facilities.geojsonl', utf8(`${features.join('\n')}\n`)))
    const gbk = await read('facilities.ndjson', new Uint8Array(iconv.encode(features.join('\r\n'), 'gbk')))
    expect([gbk.format, gbk.encoding, gbk.features[2]?.properties.name]).toEqual([
      'geojsonseq',
      'gbk',
      '合江亭书屋',
    ])
  })

  it('keeps a pretty-printed FeatureCollection as GeoJSON', async () => {
    const collection = { type: 'FeatureCollection', features: features.map((f) => JSON.parse(f)) }
    const dataset = await read('facilities.geojson', utf8(JSON.stringify(collection, null, 2)))
    expect([dataset.format, dataset.features.length]).toEqual(['geojson', 3])
  })

  it.skipIf(!hasGdal)('reads both kinds of sequence GDAL writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readers-seq-'))
    try {
      writeFileSync(join(dir, 'in.geojsonl'), features.join('\n'))
      for (const name of ['gdal.geojsonl', 'gdal.geojsons']) {
        execFileSync('ogr2ogr', ['-f', 'GeoJSONSeq', join(dir, name), join(dir, 'in.geojsonl')], {
          stdio: 'ignore',
        })
        const bytes = new Uint8Array(readFileSync(join(dir, name)))
        expect(bytes[0] === 0x1e, name).toBe(name.endsWith('.geojsons'))
        expectFacilities(await read(name, bytes))
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a record with a __proto__ key, naming the record', async () => {
    const proto = '{"type":"Feature","properties":{"__proto__":{"isAdmin":true}},"geometry":null}'
    const error = await rejection(read('proto.geojsons', utf8(`${RS}${features[0]}\n${RS}${proto}\n`)))
    expect([error.code, error.status, error.reason]).toEqual([
      'json_invalid',
      422,
      'Record 2 (line 2) of proto.geojsons: JSON key "__proto__" is not allowed (it could alter object prototypes)',
    ])
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  })

  it('refuses a record nested too deep, naming the record', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`
    const error = await rejection(read('deep.geojsonl', utf8(`${features[0]}\n${features[1]}\n${deep}\n`)))
    expect([error.code, error.status, error.reason]).toEqual([
      'json_too_deep',
      422,
      'Record 3 (line 3) of deep.geojsonl: JSON is nested 100,000 levels deep (limit 64)',
    ])
  })
})

const hasGdal = (() => {
  try {
    execFileSync('ogr2ogr', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** A zip written by yazl, an independent writer (data descriptors, its own headers). */
async function yazlZip(entries: { name: string; content: Uint8Array | string }[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile()
  for (const entry of entries) zip.addBuffer(Buffer.from(entry.content), entry.name)
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

const square = (x: number, y: number, d: number, clockwise = false) => {
  const ring = [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ]
  return clockwise ? ring.reverse() : ring
}

describe('zipped Shapefiles', () => {
  it('reads our own kind of Shapefile: UTF-8 attributes, .prj and .cpg, in a folder, beside macOS junk', async () => {
    const parts = buildingsShapefile(3)
    const zip = await yazlZip([
      { name: 'survey/buildings.shp', content: parts.shp },
      { name: 'survey/buildings.shx', content: parts.shx },
      { name: 'survey/buildings.dbf', content: parts.dbf },
      { name: 'survey/buildings.cpg', content: 'UTF-8' },
      {
        name: 'survey/buildings.prj',
        content:
          'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      },
      { name: '__MACOSX/survey/._buildings.shp', content: 'resource fork' },
      { name: 'survey/readme.txt', content: '说明' },
    ])
    const dataset = await read('buildings.zip', zip)
    expect(dataset).toMatchObject({
      format: 'shapefile',
      encoding: 'utf-8',
      columns: ['code', 'name', 'storeys'],
    })
    expect(dataset.features.map((f) => ({ ...f.properties }))).toEqual([
      { code: 'WFY-B001', name: '五福苑1栋', storeys: 6 },
      { code: 'WFY-B002', name: '五福苑2栋', storeys: 6 },
      { code: 'WFY-B003', name: '五福苑3栋', storeys: 6 },
    ])
    expect(dataset.features[0]?.geometry?.type).toBe('Polygon')
    expect(dataset.features[0]?.geometry?.coordinates[0]).toHaveLength(5)
    expect(guessCrs(dataset)).toEqual({
      crs: '4326',
      reason: { reason: ReasonCrsDeclared, params: { source: 'prj', crs: '4326' } },
    })
  })

  it('detects GBK attributes without a .cpg, and reads a GBK entry name', async () => {
    const parts = buildingsShapefile(2, 'gbk')
    const name = (extension: string) => `${iconv.decode(iconv.encode('楼栋', 'gbk'), 'gbk')}.${extension}`
    const dataset = await read(
      'gbk.zip',
      zipBytes([
        { name: name('shp'), content: parts.shp },
        { name: name('dbf'), content: parts.dbf },
      ]),
    )
    expect(dataset.encoding).toBe('gbk')
    expect(dataset.features[1]?.properties.name).toBe('五福苑2栋')
  })

  it('follows a .cpg of 936 for GBK, whatever the options say', async () => {
    const parts = buildingsShapefile(1, 'gbk')
    const zip = zipBytes([
      { name: 'b.shp', content: parts.shp },
      { name: 'b.dbf', content: parts.dbf },
      { name: 'b.cpg', content: utf8('ANSI 936\n') },
    ])
    expect((await read('b.zip', zip, { encoding: 'utf-8' })).features[0]?.properties.name).toBe('五福苑1栋')
  })

  it('groups rings into polygons with holes, the ESRI way, and reads points and null shapes', async () => {
    const withHole: Geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [square(104.06, 30.66, 0.01), square(104.062, 30.662, 0.002)],
        [square(104.08, 30.66, 0.01)],
      ],
    }
    const polygons = shapefileBytes({
      shapeType: 'Polygon',
      fields: [{ name: 'code', type: 'C', length: 10 }],
      records: [
        { geometry: withHole, values: ['C1'] },
        { geometry: null, values: ['C2'] },
      ],
    })
    const dataset = await read(
      'c.zip',
      zipBytes([
        { name: 'c.shp', content: polygons.shp },
        { name: 'c.shx', content: polygons.shx },
        { name: 'c.dbf', content: polygons.dbf },
      ]),
    )
    const geometry = dataset.features[0]?.geometry
    expect(geometry?.type).toBe('MultiPolygon')
    expect(geometry?.coordinates.map((p: unknown[]) => p.length)).toEqual([2, 1])
    expect(dataset.features[1]?.geometry).toBeNull()

    const points = shapefileBytes({
      shapeType: 'Point',
      fields: [
        { name: 'area', type: 'N', length: 12, decimals: 2 },
        { name: 'open', type: 'L', length: 1 },
      ],
      records: [{ geometry: { type: 'Point', coordinates: [104.0612, 30.6612] }, values: [1234.5, true] }],
    })
    const facility = await read(
      'f.zip',
      zipBytes([
        { name: 'f.shp', content: points.shp },
        { name: 'f.dbf', content: points.dbf },
      ]),
    )
    expect(facility.features[0]).toMatchObject({
      geometry: { type: 'Point', coordinates: [104.0612, 30.6612] },
    })
    expect({ ...facility.features[0]?.properties }).toEqual({ area: 1234.5, open: true })
  })

  it('makes a polygon of too many points a feature issue without reading its points', async () => {
    const ring = Array.from({ length: 100_001 }, (_, i) => [
      104.06 + Math.cos(i / 1e4) * 0.01,
      30.66 + Math.sin(i / 1e4) * 0.01,
    ])
    ring.push(ring[0] as number[])
    const parts = shapefileBytes({
      shapeType: 'Polygon',
      fields: [{ name: 'code', type: 'C', length: 10 }],
      records: [
        { geometry: { type: 'Polygon', coordinates: [ring] }, values: ['BIG'] },
        { geometry: { type: 'Polygon', coordinates: [square(104.06, 30.66, 0.001)] }, values: ['SMALL'] },
      ],
    })
    const dataset = await read(
      'big.zip',
      zipBytes([
        { name: 'big.shp', content: parts.shp },
        { name: 'big.dbf', content: parts.dbf },
      ]),
    )
    expect(dataset.features[0]).toMatchObject({ geometry: null, issues: [{ code: 'too_many_vertices' }] })
    expect(dataset.features[1]?.issues).toEqual([])
  })

  it('refuses a zip of two Shapefiles', async () => {
    const parts = buildingsShapefile(1)
    const error = await rejection(
      read(
        'two.zip',
        zipBytes(
          ['a', 'b'].flatMap((base) => [
            { name: `${base}.shp`, content: parts.shp },
            { name: `${base}.dbf`, content: parts.dbf },
          ]),
        ),
      ),
    )
    expect(error.reason).toBe('The zip holds 2 Shapefiles (a.shp, b.shp): upload one per zip')
  })

  it.skipIf(!hasGdal)('reads a GBK Shapefile in EPSG:4544 written by GDAL, holes and all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readers-'))
    try {
      const source = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'WFY-B001', name: '五福苑1栋', storeys: 6, has_lift: true },
            geometry: {
              type: 'Polygon',
              coordinates: [square(104.0612, 30.6612, 0.0005), square(104.0613, 30.6613, 0.0001, true)],
            },
          },
        ],
      }
      writeFileSync(join(dir, 'in.geojson'), JSON.stringify(source))
      execFileSync(
        'ogr2ogr',
        [
          '-f',
          'ESRI Shapefile',
          join(dir, 'gdal.shp'),
          join(dir, 'in.geojson'),
          '-lco',
          'ENCODING=CP936',
          '-t_srs',
          'EPSG:4544',
        ],
        { stdio: 'ignore' },
      )
      const zip = await yazlZip(
        ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((extension) => ({
          name: `gdal.${extension}`,
          content: new Uint8Array(readFileSync(join(dir, `gdal.${extension}`))),
        })),
      )
      const dataset: SourceDataset = await read('gdal.zip', zip)
      expect(dataset.encoding).toBe('gbk')
      expect({ ...dataset.features[0]?.properties }).toMatchObject({
        code: 'WFY-B001',
        name: '五福苑1栋',
        storeys: 6,
      })
      expect(guessCrs(dataset).crs).toBe('4544')
      const wgs84 = toWgs84(dataset.features[0]?.geometry as Geometry, '4544')
      expect(wgs84.type).toBe('Polygon')
      expect(wgs84.coordinates).toHaveLength(2)
      const xs = (wgs84.coordinates[0] as number[][]).map((p) => p[0] as number)
      expect(Math.min(...xs)).toBeCloseTo(104.0612, 7)
      expect(Math.max(...xs)).toBeCloseTo(104.0617, 7)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('CSV', () => {
  it('reads lon/lat columns by name, keeping every column as text', async () => {
    const dataset = await read(
      'facilities.csv',
      utf8(
        '\ufeff编码,名称,类型,经度,纬度\r\nF1,"五福苑菜市场, 北门",菜市场,104.0612,30.6612\r\nF2,养老站,elderly_care,,\r\n',
      ),
    )
    expect(dataset).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      columns: ['编码', '名称', '类型', '经度', '纬度'],
      geometryColumns: { lon: '经度', lat: '纬度', wkt: null },
    })
    expect(dataset.features[0]).toMatchObject({
      geometry: { type: 'Point', coordinates: [104.0612, 30.6612] },
      issues: [],
    })
    expect(dataset.features[0]?.properties.名称).toBe('五福苑菜市场, 北门')
    expect(dataset.features[1]).toMatchObject({ geometry: null, issues: [] })
  })

  it('takes off the apostrophe that guards formula-like text, and only that', async () => {
    const dataset = await read(
      'guarded.csv',
      utf8("code,name,lon,lat\nA,'=1+2,104.06,30.66\nB,'quoted,104.06,30.66\n"),
    )
    expect(dataset.features.map((f) => f.properties.name)).toEqual(['=1+2', "'quoted"])
  })

  it('finds semicolon and tab delimiters, and reads GBK as Excel saves it', async () => {
    const semicolon = await read('a.csv', utf8('code;lon;lat\nA;104.06;30.66\n'))
    expect(semicolon.features[0]?.geometry?.coordinates).toEqual([104.06, 30.66])
    const tab = await read(
      'a.tsv',
      new Uint8Array(iconv.encode('编码\t名称\tlng\tlat\nA\t锦江区菜市场\t104.06\t30.66\n', 'gbk')),
    )
    expect(tab.encoding).toBe('gbk')
    expect(tab.features[0]?.properties.名称).toBe('锦江区菜市场')
  })

  it('reads a WKT column, EWKT SRIDs included, and reports bad WKT per row', async () => {
    const [x, y] = positionFromWgs84('4544')([104.0612, 30.6612]) as [number, number]
    const csv = [
      'code,wkt',
      `C1,"SRID=4544;POLYGON((${x} ${y},${x + 50} ${y},${x + 50} ${y + 50},${x} ${y}))"`,
      'C2,POLYGON((1 2',
      'C3,',
    ].join('\n')
    const dataset = await read('wkt.csv', utf8(csv))
    expect(dataset.geometryColumns).toEqual({ lon: null, lat: null, wkt: 'wkt' })
    expect(dataset.features[0]?.geometry?.type).toBe('Polygon')
    // The parser's own words are the detail.
    expect(dataset.features[1]?.issues).toMatchObject([
      {
        code: 'invalid_geometry',
        reason: ReasonWktUnreadable,
        params: { value: 'POLYGON((1 2' },
        detail: expect.any(String),
      },
    ])
    expect(dataset.features[2]).toMatchObject({ geometry: null, issues: [] })
    expect(guessCrs(dataset)).toEqual({
      crs: '4544',
      reason: { reason: ReasonCrsDeclared, params: { source: 'wkt_srid', crs: '4544' } },
    })
  })

  it('reads GCJ-02 points that convert back to where they were measured', async () => {
    const truth = [
      [104.0612, 30.6612],
      [104.0712, 30.6512],
    ]
    const rows = truth.map(([lon, lat], i) => {
      const [gx, gy] = gcoord.transform([lon as number, lat as number], gcoord.WGS84, gcoord.GCJ02)
      return `F${i},${gx},${gy}`
    })
    const dataset = await read('amap.csv', utf8(['code,lng,lat', ...rows].join('\n')))
    for (const [i, feature] of dataset.features.entries()) {
      const [lon, lat] = toWgs84(feature.geometry as Geometry, 'gcj02').coordinates as [number, number]
      expect(Math.abs(lon - (truth[i]?.[0] as number)) * 96_000).toBeLessThan(1)
      expect(Math.abs(lat - (truth[i]?.[1] as number)) * 111_000).toBeLessThan(1)
    }
  })

  it('takes geometry columns from the options and refuses one that is not there', async () => {
    const csv = utf8('code,东,北\nA,104.06,30.66\nB,abc,30.66\n')
    const dataset = await read('a.csv', csv, { lonColumn: '东', latColumn: '北' })
    expect(dataset.geometryColumns).toEqual({ lon: '东', lat: '北', wkt: null })
    expect(dataset.features[1]?.issues).toEqual([
      {
        code: 'invalid_geometry',
        severity: 'error',
        field: '东',
        reason: ReasonCoordinateCellNotNumber,
        params: { field: '东', value: 'abc' },
      },
    ])
    const error = await rejection(read('a.csv', csv, { wktColumn: 'geom' }))
    expect(error.reason).toBe('wktColumn "geom" is not a column of a.csv (columns: code, 东, 北)')
  })

  it('refuses a file whose rows all lack usable coordinates, and a row wider than the header', async () => {
    const allBad = await rejection(read('bad.csv', utf8('code,lon,lat\nA,x,y\nB,,1\n')))
    expect([allBad.code, allBad.reason]).toEqual([
      'no_features',
      'None of the 2 features in bad.csv has a readable geometry. Feature 1: lon "x" is not a number',
    ])
    const wide = await rejection(read('wide.csv', utf8('code,lon,lat\nA,104.06,30.66,extra\n')))
    expect(wide.reason).toBe('Row 2 of wide.csv has 4 cells but the header has 3 columns')
  })
})
