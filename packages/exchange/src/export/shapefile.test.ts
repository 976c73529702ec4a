import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { EXCHANGE_LAYERS } from '@renewal-atlas/domain'
import * as shapefile from 'shapefile'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signedArea2 } from './geometry.ts'
import { writeShapefile } from './shapefile.ts'
import {
  batchesOf,
  createCompound,
  createFacility,
  createRoad,
  manyCompounds,
  square,
} from './test-fixtures.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-shp-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const readBack = (baseName: string) =>
  shapefile.read(path.join(dir, `${baseName}.shp`), path.join(dir, `${baseName}.dbf`), { encoding: 'utf-8' })

/** The polygon rings of record `n` (1-based) as stored in the .shp, with the parts split out. */
async function storedRings(baseName: string, n: number): Promise<number[][][]> {
  const shp = await readFile(path.join(dir, `${baseName}.shp`))
  let at = 100
  for (let i = 1; i < n; i++) at += 8 + shp.readInt32BE(at + 4) * 2
  const content = at + 8
  const parts = shp.readInt32LE(content + 36)
  const points = shp.readInt32LE(content + 40)
  const starts = Array.from({ length: parts }, (_, i) => shp.readInt32LE(content + 44 + 4 * i))
  const xy = (i: number) => {
    const p = content + 44 + 4 * parts + 16 * i
    return [shp.readDoubleLE(p), shp.readDoubleLE(p + 8)]
  }
  return starts.map((start, i) =>
    Array.from({ length: (starts[i + 1] ?? points) - start }, (_, k) => xy(start + k)),
  )
}

/** The raw text of each column of the first record, by dbf name. */
function firstRecordCells(dbf: Buffer): Record<string, string> {
  const cells: Record<string, string> = {}
  let at = dbf.readUInt16LE(8) + 1
  for (let descriptor = 32; dbf[descriptor] !== 0x0d; descriptor += 32) {
    const name = dbf.toString('ascii', descriptor, descriptor + 11).replace(/\0+$/, '')
    const width = dbf[descriptor + 16] ?? 0
    cells[name] = dbf.toString('utf8', at, at + width)
    at += width
  }
  return cells
}

describe('Shapefile export', () => {
  it('writes .shp, .shx, .dbf, .prj and a .cpg declaring UTF-8', async () => {
    const result = await writeShapefile('compounds', batchesOf([createCompound(1)]), {
      dir,
      baseName: 'compounds_EPSG4544',
      crs: '4544',
    })
    expect(result.features).toBe(1)
    expect(result.files.map((file) => path.basename(file))).toEqual(
      ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => `compounds_EPSG4544.${ext}`),
    )
    expect(await readFile(path.join(dir, 'compounds_EPSG4544.cpg'), 'utf8')).toBe('UTF-8')
    expect(await readFile(path.join(dir, 'compounds_EPSG4544.prj'), 'utf8')).toContain(
      'CGCS2000_3_Degree_GK_CM_105E',
    )
  })

  it('writes no .prj for GCJ-02, which has no WKT', async () => {
    const result = await writeShapefile('facilities', batchesOf([createFacility(1, [104.08, 30.65])]), {
      dir,
      baseName: 'facilities_GCJ02',
      crs: 'gcj02',
    })
    expect(result.files.map((file) => path.extname(file))).toEqual(['.shp', '.shx', '.dbf', '.cpg'])
  })

  it('keeps Chinese attributes, numbers, booleans and nulls through a round trip', async () => {
    const withNulls = createCompound(2, {
      properties: { id: 2, code: 'C2', name: null, builtYear: null, floorAreaM2: null, onOldRegister: null },
    })
    await writeShapefile('compounds', batchesOf([createCompound(1), withNulls]), {
      dir,
      baseName: 'c',
      crs: '4544',
    })
    const { features } = await readBack('c')
    expect(features[0]?.properties).toMatchObject({
      id: 1,
      name: '五福苑1期',
      address: '锦江区红星路12号',
      street_nm: '书院街街道',
      built_year: 1995,
      floor_m2: 8650.25,
      mgmt_type: 'trust_property',
      old_reg: true,
      synthetic: true,
    })
    expect(features[1]?.properties).toMatchObject({
      id: 2,
      code: 'C2',
      name: null,
      built_year: null,
      floor_m2: null,
      old_reg: null,
    })
  })

  it('names and sizes the dBASE columns from the field catalogue', async () => {
    await writeShapefile(
      'roads',
      batchesOf([
        createRoad(1, [
          [0, 0],
          [1, 1],
        ]),
      ]),
      { dir, baseName: 'r', crs: '4544' },
    )
    const dbf = await readFile(path.join(dir, 'r.dbf'))
    const fields = EXCHANGE_LAYERS.roads.fields
    const descriptors = fields.map((_, i) => {
      const at = 32 + 32 * i
      return {
        name: dbf.toString('ascii', at, at + 11).replace(/\0+$/, ''),
        type: String.fromCharCode(dbf[at + 11] ?? 0),
        width: dbf[at + 16],
        decimals: dbf[at + 17],
      }
    })
    expect(descriptors).toEqual(
      fields.map((field) =>
        field.type === 'string'
          ? { name: field.dbf, type: 'C', width: field.width ?? 80, decimals: 0 }
          : field.type === 'integer'
            ? { name: field.dbf, type: 'N', width: 11, decimals: 0 }
            : field.type === 'number'
              ? { name: field.dbf, type: 'N', width: 19, decimals: 6 }
              : { name: field.dbf, type: 'L', width: 1, decimals: 0 },
      ),
    )
    expect(dbf[32 + 32 * fields.length]).toBe(0x0d)
    expect(dbf.at(-1)).toBe(0x1a)
  })

  it('writes numbers right-aligned, without float noise or trailing zeros', async () => {
    const road = createRoad(1, [
      [0, 0],
      [1, 1],
    ])
    road.properties.lengthM = 0.1 + 0.2
    road.properties.redLineWidthM = 24
    await writeShapefile('roads', batchesOf([road]), { dir, baseName: 'r', crs: '4544' })
    const cells = firstRecordCells(await readFile(path.join(dir, 'r.dbf')))
    expect(cells.length_m).toBe(`${' '.repeat(16)}0.3`)
    expect(cells.red_line_m).toBe(`${' '.repeat(17)}24`)
    expect(cells.id).toBe(`${' '.repeat(10)}1`)
  })

  it('cuts text that is too long for its column at a character boundary', async () => {
    // street_cd is 9 bytes wide: 'a' and two Chinese characters (3 bytes each) fit, the third only in part
    const feature = createCompound(1, { properties: { streetCode: 'a书院街' } })
    await writeShapefile('compounds', batchesOf([feature]), { dir, baseName: 'c', crs: '4544' })
    const { features } = await readBack('c')
    expect(features[0]?.properties?.street_cd).toBe('a书院')
  })

  it('stores exterior rings clockwise and holes counter-clockwise, so readers see the hole', async () => {
    await writeShapefile('compounds', batchesOf([createCompound(1)]), { dir, baseName: 'c', crs: '4544' })
    const [exterior = [], hole = []] = await storedRings('c', 1)
    expect(signedArea2(exterior)).toBeLessThan(0)
    expect(signedArea2(hole)).toBeGreaterThan(0)
    const { features } = await readBack('c')
    // a ring wound the wrong way would come back as a second polygon, not a hole
    expect(features[0]?.geometry).toMatchObject({
      type: 'Polygon',
      coordinates: [expect.any(Array), expect.any(Array)],
    })
  })

  it('writes each part of a MultiPolygon and reads back a MultiPolygon', async () => {
    const feature = createCompound(1, {
      geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 10)], [square(20, 0, 10)]] },
    })
    await writeShapefile('streets', batchesOf([feature]), { dir, baseName: 's', crs: '4544' })
    const { features } = await readBack('s')
    expect(features[0]?.geometry).toMatchObject({ type: 'MultiPolygon' })
  })

  it('writes a feature without geometry as a null shape and keeps its attributes', async () => {
    await writeShapefile(
      'facilities',
      batchesOf([createFacility(1, [1, 2]), { ...createFacility(2, [0, 0]), geometry: null }]),
      {
        dir,
        baseName: 'f',
        crs: '4326',
      },
    )
    const { features } = await readBack('f')
    expect(features.map((feature) => feature.geometry)).toEqual([
      { type: 'Point', coordinates: [1, 2] },
      null,
    ])
    expect(features[1]?.properties?.name).toBe('社区卫生服务站')
  })

  it('refuses a geometry the layer shape type cannot hold', async () => {
    const wrong = {
      ...createFacility(1, [0, 0]),
      geometry: {
        type: 'LineString' as const,
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    }
    await expect(
      writeShapefile('facilities', batchesOf([wrong]), { dir, baseName: 'f', crs: '4544' }),
    ).rejects.toThrow(TypeError)
  })

  it('patches the headers: file lengths, bounding box, record count and .shx offsets', async () => {
    const features = [createCompound(1), createCompound(2), createCompound(3)]
    await writeShapefile('compounds', batchesOf(features, 2), { dir, baseName: 'c', crs: '4544' })
    const shp = await readFile(path.join(dir, 'c.shp'))
    const shx = await readFile(path.join(dir, 'c.shx'))
    const dbf = await readFile(path.join(dir, 'c.dbf'))
    expect(shp.readInt32BE(0)).toBe(9994)
    expect(shp.readInt32BE(24) * 2).toBe(shp.length)
    expect(shp.readInt32LE(28)).toBe(1000)
    expect(shp.readInt32LE(32)).toBe(5)
    expect([36, 44, 52, 60].map((at) => shp.readDoubleLE(at))).toEqual([
      400_200, 3_390_000, 400_700, 3_390_100,
    ])
    expect(shx.readInt32BE(24) * 2).toBe(shx.length)
    expect(shx.length).toBe(100 + 8 * 3)
    let offset = 50
    for (let n = 1; n <= 3; n++) {
      expect(shx.readInt32BE(100 + 8 * (n - 1))).toBe(offset)
      expect(shp.readInt32BE(offset * 2)).toBe(n)
      offset += 4 + shp.readInt32BE(offset * 2 + 4)
    }
    expect(dbf.readUInt32LE(4)).toBe(3)
    expect(dbf.length).toBe(dbf.readUInt16LE(8) + 3 * dbf.readUInt16LE(10) + 1)
  })

  it('streams 200,000 features to disk batch by batch', async () => {
    const result = await writeShapefile('compounds', manyCompounds(200_000), {
      dir,
      baseName: 'big',
      crs: '4544',
    })
    expect(result.features).toBe(200_000)
    const dbf = await readFile(path.join(dir, 'big.dbf'))
    expect(dbf.readUInt32LE(4)).toBe(200_000)
    const shxSize = (await stat(path.join(dir, 'big.shx'))).size
    expect(shxSize).toBe(100 + 8 * 200_000)
    const source = await shapefile.open(path.join(dir, 'big.shp'), path.join(dir, 'big.dbf'), {
      encoding: 'utf-8',
    })
    const first = await source.read()
    expect(first.value.properties?.name).toBe('五福苑1期')
    await source.cancel()
  })
})
