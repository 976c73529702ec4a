// GDAL, the library behind QGIS and most GIS tools, reads every export format: the right number of features, field
// names and values (Chinese intact, nulls null), geometry types and coordinate systems. Off CI, the file is skipped
// when GDAL's ogrinfo is not installed; CI installs gdal-bin, so there a missing GDAL fails the tests.
import { execFile, execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import type { ExportCrs, ExportLayer } from '@renewal-atlas/domain'
import {
  csvChunks,
  dxfChunks,
  type ExportFeature,
  exportFileName,
  featureJson,
  geojsonChunks,
  geojsonSeqChunks,
  writeShapefile,
  zipStream,
} from '@renewal-atlas/exchange'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)

function gdalInstalled(): boolean {
  try {
    execFileSync('ogrinfo', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const haveGdal = gdalInstalled()
if (!haveGdal && !process.env.CI) {
  console.warn('GDAL export checks skipped: ogrinfo not found (apt-get install gdal-bin)')
}

// ---------------------------------------------------------------------------------------------------------------
// Features near Wufuyuan, in the coordinates of each system (the writers receive coordinates already converted)

/** A position `dx`, `dy` metres from a point in Jinjiang, in the system's own coordinates (degrees roughly scaled). */
function at(crs: ExportCrs, dx: number, dy: number): number[] {
  if (crs === '4544') return [400_000 + dx, 3_390_000 + dy]
  if (crs === '4523') return [35_400_000 + dx, 3_390_000 + dy]
  return [104.08 + dx * 1e-5, 30.65 + dy * 1e-5]
}

function ring(crs: ExportCrs, corners: [number, number][]): number[][] {
  const positions = corners.map(([dx, dy]) => at(crs, dx, dy))
  return [...positions, positions[0] as number[]]
}

const squareCorners = (x: number, y: number, size: number): [number, number][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
]

function compounds(crs: ExportCrs): ExportFeature[] {
  return [
    {
      id: 1,
      properties: {
        id: 1,
        code: '510104030-001',
        name: '五福苑',
        address: '锦江区红星路二段12号',
        streetName: '书院街街道',
        builtYear: 1995,
        floorAreaM2: 8650.25,
        managementType: 'trust_property',
        onOldRegister: true,
        renovationStatus: 'completed',
        renovationYear: 2023,
        synthetic: true,
      },
      geometry: {
        type: 'Polygon',
        coordinates: [ring(crs, squareCorners(0, 0, 100)), ring(crs, squareCorners(40, 40, 20).reverse())],
      },
    },
    {
      id: 2,
      properties: {
        id: 2,
        code: '510104030-002',
        name: '=HYPERLINK("x")',
        builtYear: null,
        floorAreaM2: null,
        onOldRegister: null,
        synthetic: true,
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          ring(crs, [
            [200, 0],
            [300, 0],
            [300, 20],
            [220, 20],
            [220, 100],
            [200, 100],
          ]),
        ],
      },
    },
    {
      id: 3,
      properties: { id: 3, code: '510104030-003', name: null, synthetic: false },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[ring(crs, squareCorners(400, 0, 50))], [ring(crs, squareCorners(500, 0, 50))]],
      },
    },
  ]
}

function roads(crs: ExportCrs): ExportFeature[] {
  return [
    {
      id: 11,
      properties: {
        id: 11,
        code: 'R11',
        name: '红星路',
        roadClass: 'arterial',
        lengthM: 230.5,
        synthetic: true,
      },
      geometry: { type: 'LineString', coordinates: [at(crs, -10, -10), at(crs, 600, -10)] },
    },
    {
      id: 12,
      properties: { id: 12, code: 'R12', name: null, roadClass: 'lane', lengthM: null, synthetic: true },
      geometry: {
        type: 'LineString',
        coordinates: [at(crs, 150, -10), at(crs, 150, 120), at(crs, 160, 200)],
      },
    },
  ]
}

function facilities(crs: ExportCrs): ExportFeature[] {
  return [
    {
      id: 21,
      properties: {
        id: 21,
        code: 'F21',
        name: '社区卫生服务站',
        facilityType: 'clinic',
        capacity: 20,
        synthetic: true,
      },
      geometry: { type: 'Point', coordinates: at(crs, 50, 150) },
    },
    {
      id: 22,
      properties: {
        id: 22,
        code: 'F22',
        name: '老年助餐点',
        facilityType: 'elderly_meals',
        capacity: null,
        synthetic: true,
      },
      geometry: { type: 'Point', coordinates: at(crs, 250, 150) },
    },
  ]
}

const LAYERS: Record<'compounds' | 'roads' | 'facilities', (crs: ExportCrs) => ExportFeature[]> = {
  compounds,
  roads,
  facilities,
}

async function* inBatches(features: ExportFeature[]): AsyncIterable<ExportFeature[]> {
  for (let i = 0; i < features.length; i += 2) yield features.slice(i, i + 2)
}

async function* featureLines(features: ExportFeature[], decimals: number): AsyncIterable<string[]> {
  for await (const batch of inBatches(features)) yield batch.map((feature) => featureJson(feature, decimals))
}

// ---------------------------------------------------------------------------------------------------------------
// GDAL

interface LayerSummary {
  count: number
  geometry: string
  /** EPSG code GDAL identified the layer's system as (null: none). */
  epsg: number | null
  /** Field name → GDAL type, e.g. `name` → `String`. */
  fields: Record<string, string>
}

/** `ogrinfo -ro -al -so`: the first layer's feature count, geometry type, EPSG code and fields. */
async function ogrinfo(source: string, ...options: string[]): Promise<LayerSummary> {
  const { stdout } = await run('ogrinfo', ['-ro', '-al', '-so', ...options, source], { maxBuffer: 16 << 20 })
  const srsStart = stdout.indexOf('Layer SRS WKT:')
  const srsEnd = stdout.indexOf('Data axis to CRS axis mapping')
  const ids = srsEnd > 0 ? [...stdout.slice(srsStart, srsEnd).matchAll(/ID\["EPSG",(\d+)\]/g)] : []
  const fields = Object.fromEntries(
    [...stdout.matchAll(/^(\w+): ([\w()]+) \(/gm)].map((m) => [m[1] as string, m[2] as string]),
  )
  return {
    count: Number(/^Feature Count: (\d+)$/m.exec(stdout)?.[1]),
    geometry: /^Geometry: (.+)$/m.exec(stdout)?.[1] ?? '',
    epsg: ids.length > 0 ? Number(ids.at(-1)?.[1]) : null,
    fields,
  }
}

interface GdalFeature {
  properties: Record<string, unknown>
  geometry: { type: string; coordinates: unknown } | null
}

/** The features as GDAL reads them, through `ogr2ogr -f GeoJSON /vsistdout/`. */
async function ogrFeatures(source: string, ...options: string[]): Promise<GdalFeature[]> {
  const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', ...options, source], {
    maxBuffer: 16 << 20,
  })
  return JSON.parse(stdout).features
}

async function writeChunks(file: string, chunks: AsyncIterable<string> | Readable) {
  await pipeline(chunks instanceof Readable ? chunks : Readable.from(chunks), createWriteStream(file))
}

/** Every number in nested coordinate arrays. */
const numbers = (coordinates: unknown): number[] =>
  Array.isArray(coordinates) ? coordinates.flatMap(numbers) : [coordinates as number]

// CI always has GDAL (.ci/run installs gdal-bin), so there a missing ogrinfo fails instead of skipping.
describe.skipIf(!haveGdal && !process.env.CI)('GDAL reads every export format', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-gdal-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const file = (name: string) => path.join(dir, name)

  it('GeoJSON: compounds with a hole, a MultiPolygon, Chinese names and nulls, in WGS84', async () => {
    await writeChunks(file('compounds.geojson'), geojsonChunks(featureLines(compounds('4326'), 7)))
    const summary = await ogrinfo(file('compounds.geojson'))
    expect(summary).toMatchObject({ count: 3, epsg: 4326 })
    expect(summary.fields).toMatchObject({ name: 'String', builtYear: 'Integer', floorAreaM2: 'Real' })
    const features = await ogrFeatures(file('compounds.geojson'))
    expect(features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'Polygon', 'MultiPolygon'])
    expect(features[0]?.properties).toMatchObject({
      name: '五福苑',
      address: '锦江区红星路二段12号',
      builtYear: 1995,
    })
    expect(features[1]?.properties).toMatchObject({ builtYear: null, floorAreaM2: null })
    expect(features[0]?.geometry?.coordinates).toHaveLength(2)
  })

  it('GeoJSON text sequence: one feature per record', async () => {
    await writeChunks(file('roads.geojsons'), geojsonSeqChunks(featureLines(roads('4326'), 7)))
    const summary = await ogrinfo(file('roads.geojsons'))
    expect(summary).toMatchObject({ count: 2, geometry: 'Line String' })
    const features = await ogrFeatures(file('roads.geojsons'))
    expect(features.map((f) => f.properties.name)).toEqual(['红星路', null])
  })

  it('CSV with a WKT column: geometry, Chinese text, the formula guard and empty nulls', async () => {
    await writeChunks(
      file('compounds.csv'),
      csvChunks('compounds', inBatches(compounds('4544')), { geometry: 'wkt', decimals: 3 }),
    )
    const summary = await ogrinfo(file('compounds.csv'))
    expect(summary.count).toBe(3)
    expect(Object.keys(summary.fields)).toContain('floorAreaM2')
    const features = await ogrFeatures(file('compounds.csv'))
    expect(features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'Polygon', 'MultiPolygon'])
    expect(features.map((f) => f.properties.name)).toEqual(['五福苑', `'=HYPERLINK("x")`, ''])
    expect(features[0]?.properties).toMatchObject({ id: '1', floorAreaM2: '8650.25', onOldRegister: 'true' })
    expect(Math.min(...numbers(features[0]?.geometry?.coordinates).filter((_, i) => i % 2 === 0))).toBe(
      400_000,
    )
  })

  it('CSV with lon/lat columns for points', async () => {
    await writeChunks(
      file('facilities.csv'),
      csvChunks('facilities', inBatches(facilities('4326')), { geometry: 'lonlat', decimals: 7 }),
    )
    const features = await ogrFeatures(
      file('facilities.csv'),
      '-oo',
      'X_POSSIBLE_NAMES=lon',
      '-oo',
      'Y_POSSIBLE_NAMES=lat',
    )
    expect(features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [104.0805, 30.6515] },
      { type: 'Point', coordinates: [104.0825, 30.6515] },
    ])
    expect(features.map((f) => f.properties.name)).toEqual(['社区卫生服务站', '老年助餐点'])
  })

  it('Shapefile in Gauss-Kruger metres: EPSG:4544, dbf names, Chinese attributes, nulls and holes', async () => {
    const { features: written } = await writeShapefile('compounds', inBatches(compounds('4544')), {
      dir,
      baseName: 'compounds_EPSG4544',
      crs: '4544',
    })
    expect(written).toBe(3)
    const summary = await ogrinfo(file('compounds_EPSG4544.shp'))
    expect(summary).toMatchObject({ count: 3, geometry: 'Polygon', epsg: 4544 })
    expect(summary.fields).toMatchObject({
      name: 'String',
      built_year: 'Integer64',
      floor_m2: 'Real',
      street_nm: 'String',
    })
    const features = await ogrFeatures(file('compounds_EPSG4544.shp'))
    expect(features[0]?.properties).toMatchObject({
      id: 1,
      name: '五福苑',
      address: '锦江区红星路二段12号',
      street_nm: '书院街街道',
      built_year: 1995,
      floor_m2: 8650.25,
      status: 'completed',
    })
    // GDAL 3.6 reads dBASE logicals as the text T/F; newer GDAL as booleans
    expect([true, 'T']).toContain(features[0]?.properties.old_reg)
    expect(features[1]?.properties).toMatchObject({ built_year: null, floor_m2: null, old_reg: null })
    expect(features[2]?.properties.name).toBeNull()
    expect(features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'Polygon', 'MultiPolygon'])
    expect(features[0]?.geometry?.coordinates).toHaveLength(2)
  })

  it.each([
    ['4326', 4326],
    ['4490', 4490],
    ['4523', 4523],
  ] as const)('Shapefile .prj of %s is recognised as EPSG:%i', async (crs, epsg) => {
    await writeShapefile('facilities', inBatches(facilities(crs)), {
      dir,
      baseName: `facilities_${crs}`,
      crs,
    })
    expect(await ogrinfo(file(`facilities_${crs}.shp`))).toMatchObject({ count: 2, geometry: 'Point', epsg })
  })

  it('Shapefile of lines in GCJ-02 has no .prj and keeps its lines', async () => {
    const { files } = await writeShapefile('roads', inBatches(roads('gcj02')), {
      dir,
      baseName: 'roads_GCJ02',
      crs: 'gcj02',
    })
    expect(files.some((name) => name.endsWith('.prj'))).toBe(false)
    expect(await ogrinfo(file('roads_GCJ02.shp'))).toMatchObject({
      count: 2,
      geometry: 'Line String',
      epsg: null,
    })
  })

  it('zipped Shapefile: GDAL opens it inside the zip', async () => {
    const { files } = await writeShapefile('facilities', inBatches(facilities('4544')), {
      dir,
      baseName: 'zipped',
      crs: '4544',
    })
    const zipName = exportFileName('facilities', 'shapefile', '4544')
    await writeChunks(
      file(zipName),
      zipStream(files.map((name) => ({ name: `facilities_EPSG4544${path.extname(name)}`, path: name }))),
    )
    const summary = await ogrinfo(`/vsizip/${file(zipName)}`)
    expect(summary).toMatchObject({ count: 2, geometry: 'Point', epsg: 4544 })
    const features = await ogrFeatures(`/vsizip/${file(zipName)}`)
    expect(features.map((f) => f.properties.name)).toEqual(['社区卫生服务站', '老年助餐点'])
  })

  describe.each([
    ['4544', 400_000],
    ['4523', 35_400_000],
  ] as const)('DXF in EPSG:%s', (crs, easting) => {
    let entities: GdalFeature[]
    beforeAll(async () => {
      const layers: ExportLayer[] = ['compounds', 'roads', 'facilities']
      const sources = layers.map((layer) => ({
        layer,
        batches: inBatches(LAYERS[layer as keyof typeof LAYERS](crs)),
      }))
      await writeChunks(file(`bundle_${crs}.dxf`), dxfChunks(sources, { crs }))
      entities = await ogrFeatures(file(`bundle_${crs}.dxf`))
    })
    const onLayer = (layer: string) => entities.filter((entity) => entity.properties.Layer === layer)

    it('draws each CAD layer with its geometry type, in metres', async () => {
      // closed POLYLINEs: 2 rings, 1 ring, 2 parts
      expect(onLayer('COMPOUNDS').map((e) => e.geometry?.type)).toEqual(Array(5).fill('LineString'))
      expect(onLayer('ROADS').map((e) => e.geometry?.type)).toEqual(['LineString', 'LineString'])
      expect(onLayer('FACILITIES').map((e) => e.geometry?.type)).toEqual(['Point', 'Point'])
      const xs = entities.flatMap((e) => numbers(e.geometry?.coordinates).filter((_, i) => i % 3 === 0))
      expect(Math.min(...xs)).toBeCloseTo(easting - 10, 3)
      expect(Math.max(...xs)).toBeCloseTo(easting + 600, 3)
    })

    it('closes polygon rings', async () => {
      for (const ring of onLayer('COMPOUNDS')) {
        const positions = ring.geometry?.coordinates as number[][]
        expect(positions.at(-1)).toEqual(positions[0])
      }
    })

    it('labels named compounds and facilities, the Chinese kept as DXF \\U+ escapes', async () => {
      // GDAL decodes \U+XXXX only in MTEXT (R2000+); AutoCAD decodes it in R12 TEXT too
      const decode = (text: unknown) =>
        String(text).replace(/\\U\+([0-9A-F]{4})/g, (_, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        )
      expect(onLayer('COMPOUNDS_LABEL').map((e) => decode(e.properties.Text))).toEqual([
        '五福苑',
        '=HYPERLINK("x")',
      ])
      expect(onLayer('FACILITIES_LABEL').map((e) => decode(e.properties.Text))).toEqual([
        '社区卫生服务站',
        '老年助餐点',
      ])
      expect(onLayer('ROADS_LABEL')).toEqual([])
    })
  })
})
