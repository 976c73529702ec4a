// The corpus of malformed uploads (畸形文件): every way of bad input the data-exchange issue lists, built in memory
// and deterministically, each with the status and problem code the import API must answer. readers.test.ts reads
// each with readUpload; the import API tests post each one on both backends and check that nothing was written.
import { IMPORT_LIMITS } from '@renewal-atlas/domain'
import type { Geometry, UploadedFile } from '@renewal-atlas/exchange'
import iconv from 'iconv-lite'
import { type DbfFieldSpec, type DbfValue, dbfBytes, shapefileBytes } from './shapefile-bytes.ts'
import { zipBytes } from './zip-bytes.ts'

export interface MalformedCase {
  name: string
  file: UploadedFile
  expect: { status: number; code: string }
}

const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'))
const file = (name: string, bytes: Uint8Array): UploadedFile => ({ name, bytes })

/** A square building footprint near Wufuyuan, Chengdu, `i` steps east. */
function footprint(i: number): Geometry {
  const [x, y] = [104.06 + i * 0.0005, 30.66]
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.0002, y],
        [x + 0.0002, y + 0.0002],
        [x, y + 0.0002],
        [x, y],
      ],
    ],
  }
}

const BUILDING_FIELDS: DbfFieldSpec[] = [
  { name: 'code', type: 'C', length: 40 },
  { name: 'name', type: 'C', length: 60 },
  { name: 'storeys', type: 'N', length: 4 },
]
const buildingValues = (i: number): DbfValue[] => [
  `WFY-B${String(i + 1).padStart(3, '0')}`,
  `五福苑${i + 1}栋`,
  6,
]

/** A valid buildings Shapefile of `count` records. */
export function buildingsShapefile(count: number, encoding: 'utf-8' | 'gbk' = 'utf-8') {
  return shapefileBytes({
    shapeType: 'Polygon',
    fields: BUILDING_FIELDS,
    records: Array.from({ length: count }, (_, i) => ({ geometry: footprint(i), values: buildingValues(i) })),
    encoding,
  })
}

function shapefileZip(
  parts: { shp?: Uint8Array; shx?: Uint8Array; dbf?: Uint8Array; cpg?: string },
  baseName = 'buildings',
): Uint8Array {
  const entries = Object.entries(parts).map(([extension, content]) => ({
    name: `${baseName}.${extension}`,
    content: typeof content === 'string' ? text(content) : content,
  }))
  return zipBytes(entries)
}

/** Pseudo-random bytes from a fixed seed (mulberry32). */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    bytes[i] = (t ^ (t >>> 14)) & 0xff
  }
  return bytes
}

/** A GeoJSON Feature whose one ring has `vertices` positions, written straight into bytes (about 19 per vertex). */
function hugeRingGeoJson(vertices: number): Uint8Array {
  const head = Buffer.from(
    '{"type":"Feature","properties":{"code":"RING"},"geometry":{"type":"Polygon","coordinates":[[',
  )
  const tail = Buffer.from(']]}}\n')
  const width = '[104.0612,30.6612],'.length
  const bytes = Buffer.alloc(head.length + vertices * width - 1 + tail.length)
  head.copy(bytes)
  let at = head.length
  for (let i = 0; i < vertices; i++) {
    // A circle of 500 m; the last vertex closes the ring on the first.
    const angle = i === vertices - 1 ? 0 : (2 * Math.PI * i) / (vertices - 1)
    const lon = (104.0612 + 0.005 * Math.cos(angle)).toFixed(4)
    const lat = (30.6612 + 0.005 * Math.sin(angle)).toFixed(4)
    at += bytes.write(`[${lon},${lat}]${i === vertices - 1 ? '' : ','}`, at, 'latin1')
  }
  tail.copy(bytes, at)
  return new Uint8Array(bytes)
}

const csvRows = (rows: number) =>
  `code,name,lon,lat\n${Array.from({ length: rows }, (_, i) => `F${i},设施${i},104.06,30.66`).join('\n')}\n`

function buildCases(): MalformedCase[] {
  const valid = buildingsShapefile(12)
  const fourteenRecords = dbfBytes({
    fields: BUILDING_FIELDS,
    records: Array.from({ length: 14 }, (_, i) => ({ geometry: null, values: buildingValues(i) })),
  })
  const gbk = buildingsShapefile(3, 'gbk')
  const utf8 = buildingsShapefile(3, 'utf-8')
  // Record 2 (after the 100-byte header and record 1: 8 + 128 bytes) says its ring starts at point 7 of 5.
  const corruptShp = new Uint8Array(valid.shp)
  new DataView(corruptShp.buffer).setInt32(100 + 8 + 128 + 8 + 44, 7, true)
  const tinyEntry = (i: number) => ({ name: `part${i}.txt`, content: text(`${i}`) })

  return [
    {
      name: 'file over the upload limit',
      file: file('huge.csv', new Uint8Array(IMPORT_LIMITS.maxUploadBytes + 1).fill(0x61)),
      expect: { status: 413, code: 'file_too_large' },
    },
    {
      name: 'zip bomb: 50 MB of zeros deflated (ratio about 1000:1)',
      file: file('bomb.zip', zipBytes([{ name: 'bomb.shp', content: new Uint8Array(50 * 1024 * 1024) }])),
      expect: { status: 413, code: 'zip_bomb' },
    },
    {
      name: 'zip bomb: an entry that inflates far past the size it declares',
      file: file(
        'liar.zip',
        zipBytes([
          { name: 'buildings.shp', content: new Uint8Array(20 * 1024 * 1024), declaredSize: 1_000 },
          { name: 'buildings.dbf', content: valid.dbf },
        ]),
      ),
      expect: { status: 413, code: 'zip_bomb' },
    },
    {
      name: 'zip declaring 210 MB in total, each entry within the ratio limit',
      file: file(
        'total.zip',
        zipBytes(
          [1, 2, 3].map((i) => ({
            name: `part${i}.dat`,
            content: randomBytes(1024 * 1024, i),
            declaredSize: 70 * 1024 * 1024,
          })),
        ),
      ),
      expect: { status: 413, code: 'zip_bomb' },
    },
    {
      name: 'zip with more entries than allowed',
      file: file(
        'many.zip',
        zipBytes(Array.from({ length: IMPORT_LIMITS.maxZipEntries + 1 }, (_, i) => tinyEntry(i))),
      ),
      expect: { status: 413, code: 'zip_too_many_entries' },
    },
    {
      name: 'zip entry with a ../ path',
      file: file('slip.zip', zipBytes([{ name: '../evil.shp', content: valid.shp }])),
      expect: { status: 422, code: 'zip_unsafe_path' },
    },
    {
      name: 'zip entry with an absolute path',
      file: file('absolute.zip', zipBytes([{ name: '/etc/cron.d/evil.shp', content: valid.shp }])),
      expect: { status: 422, code: 'zip_unsafe_path' },
    },
    {
      name: 'zip entry with a backslash path',
      file: file('backslash.zip', zipBytes([{ name: '..\\..\\evil.shp', content: valid.shp }])),
      expect: { status: 422, code: 'zip_unsafe_path' },
    },
    {
      name: 'zip inside the zip',
      file: file(
        'nested.zip',
        zipBytes([
          { name: 'inner.zip', content: shapefileZip({ shp: valid.shp, shx: valid.shx, dbf: valid.dbf }) },
        ]),
      ),
      expect: { status: 422, code: 'zip_nested' },
    },
    {
      name: 'Office document (xlsx) instead of a zipped Shapefile',
      file: file(
        'survey.xlsx',
        zipBytes([
          { name: '[Content_Types].xml', content: text('<Types/>') },
          { name: 'xl/workbook.xml', content: text('<workbook/>') },
        ]),
      ),
      expect: { status: 415, code: 'unsupported_format' },
    },
    {
      name: 'Shapefile whose .shx has 12 records and .dbf 14',
      file: file('counts.zip', shapefileZip({ shp: valid.shp, shx: valid.shx, dbf: fourteenRecords })),
      expect: { status: 422, code: 'shapefile_inconsistent' },
    },
    {
      name: 'Shapefile without its .dbf',
      file: file('no-dbf.zip', shapefileZip({ shp: valid.shp, shx: valid.shx })),
      expect: { status: 422, code: 'shapefile_incomplete' },
    },
    {
      name: 'zip without a .shp',
      file: file('no-shp.zip', shapefileZip({ shx: valid.shx, dbf: valid.dbf })),
      expect: { status: 422, code: 'shapefile_incomplete' },
    },
    {
      name: 'truncated .shp',
      file: file(
        'truncated.zip',
        shapefileZip({ shp: valid.shp.subarray(0, valid.shp.length - 50), shx: valid.shx, dbf: valid.dbf }),
      ),
      expect: { status: 422, code: 'shapefile_invalid' },
    },
    {
      name: '.shp record whose ring starts past its points',
      file: file('corrupt.zip', shapefileZip({ shp: corruptShp, shx: valid.shx, dbf: valid.dbf })),
      expect: { status: 422, code: 'shapefile_invalid' },
    },
    {
      name: 'GBK attributes in a Shapefile whose .cpg declares UTF-8',
      file: file('gbk-as-utf8.zip', shapefileZip({ shp: gbk.shp, shx: gbk.shx, dbf: gbk.dbf, cpg: 'UTF-8' })),
      expect: { status: 422, code: 'encoding_invalid' },
    },
    {
      name: 'UTF-8 attributes in a Shapefile whose .cpg declares GBK',
      file: file(
        'utf8-as-gbk.zip',
        shapefileZip({ shp: utf8.shp, shx: utf8.shx, dbf: utf8.dbf, cpg: 'GBK' }),
      ),
      expect: { status: 422, code: 'encoding_invalid' },
    },
    {
      name: 'GBK CSV behind a UTF-8 byte order mark',
      file: file(
        'gbk-bom.csv',
        new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(csvRows(3), 'gbk')])),
      ),
      expect: { status: 422, code: 'encoding_invalid' },
    },
    {
      name: 'CSV that is neither UTF-8 nor GBK',
      file: file(
        'latin.csv',
        new Uint8Array(Buffer.from('code,name,lon,lat\nA,\xff\xfe\xff,104.06,30.66\n', 'latin1')),
      ),
      expect: { status: 422, code: 'encoding_invalid' },
    },
    {
      name: 'UTF-16 CSV (Excel "Unicode text")',
      file: file(
        'utf16.csv',
        new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvRows(2), 'utf16le')])),
      ),
      expect: { status: 422, code: 'encoding_invalid' },
    },
    {
      name: 'GeoJSON nested 100,000 levels deep',
      file: file('deep.geojson', text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
      expect: { status: 422, code: 'json_too_deep' },
    },
    {
      name: 'GeoJSON whose one ring has 2 million vertices',
      file: file('ring.geojson', hugeRingGeoJson(2_000_000)),
      expect: { status: 422, code: 'no_features' },
    },
    {
      name: 'GeoJSON with a __proto__ key',
      file: file(
        'proto.geojson',
        text(
          '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"isAdmin":true}},"geometry":{"type":"Point","coordinates":[104.06,30.66]}}]}',
        ),
      ),
      expect: { status: 422, code: 'json_invalid' },
    },
    {
      name: 'GeoJSON with a constructor key spelled with escapes',
      file: file(
        'constructor.geojson',
        text('{"type":"Feature","properties":{"\\u0063onstructor":{"x":1}},"geometry":null}'),
      ),
      expect: { status: 422, code: 'json_invalid' },
    },
    {
      name: 'CSV with a __proto__ column',
      file: file('proto.csv', text('code,__proto__,lon,lat\nA,x,104.06,30.66\n')),
      expect: { status: 422, code: 'csv_invalid' },
    },
    {
      name: 'JSON cut off in the middle',
      file: file('cut.geojson', text('{"type":"FeatureCollection","features":[{"type":"Feature",')),
      expect: { status: 422, code: 'json_invalid' },
    },
    {
      name: 'JSON that is not GeoJSON',
      file: file('config.json', text('{"name":"renewal-atlas","version":"1.0.0"}')),
      expect: { status: 422, code: 'geojson_invalid' },
    },
    {
      name: 'GeoJSON FeatureCollection without features',
      file: file('empty.geojson', text('{"type":"FeatureCollection","features":[]}')),
      expect: { status: 422, code: 'no_features' },
    },
    {
      name: 'binary garbage',
      file: file('garbage.bin', randomBytes(64 * 1024, 6)),
      expect: { status: 415, code: 'unsupported_format' },
    },
    {
      name: 'empty file',
      file: file('empty.csv', new Uint8Array(0)),
      expect: { status: 422, code: 'no_features' },
    },
    {
      name: 'CSV without coordinate columns',
      file: file('no-coordinates.csv', text('code,name,storeys\nB1,一号楼,6\nB2,二号楼,7\n')),
      expect: { status: 422, code: 'csv_invalid' },
    },
    {
      name: 'CSV with more rows than allowed',
      file: file('many-rows.csv', text(csvRows(IMPORT_LIMITS.maxFeatures + 1))),
      expect: { status: 413, code: 'too_many_features' },
    },
  ]
}

export const MALFORMED_CASES: readonly MalformedCase[] = buildCases()
