import { EXCHANGE_LAYERS } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { csvChunks } from './csv.ts'
import { batchesOf, collect, createCompound, createFacility, createRoad } from './test-fixtures.ts'

/** RFC 4180 read back (after the BOM): quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  if (field !== '' || row.length > 0) throw new Error('the last line does not end with CRLF')
  return rows
}

async function csvRows(...args: Parameters<typeof csvChunks>) {
  const text = await collect(csvChunks(...args))
  expect(text.startsWith('\uFEFF')).toBe(true)
  const [header = [], ...rows] = parseCsv(text.slice(1))
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])))
}

describe('CSV export', () => {
  it('starts with a BOM and the catalogue field names, then wkt, with CRLF line ends', async () => {
    const text = await collect(
      csvChunks('compounds', batchesOf([createCompound(1)]), { geometry: 'wkt', decimals: 3 }),
    )
    const header = text.slice(1, text.indexOf('\r\n')).split(',')
    expect(header).toEqual([...EXCHANGE_LAYERS.compounds.fields.map((field) => field.name), 'wkt'])
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  })

  it('guards text that a spreadsheet would run as a formula, and leaves numbers alone', async () => {
    const risky = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']
    const features = risky.map((name, i) =>
      createCompound(i + 1, {
        properties: { ...createCompound(i + 1).properties, name, households: -3, floorAreaM2: -1.5 },
      }),
    )
    const rows = await csvRows('compounds', batchesOf(features), { geometry: 'wkt', decimals: 3 })
    expect(rows.map((row) => row.name)).toEqual(risky.map((name) => `'${name}`))
    expect(rows.map((row) => row.households)).toEqual(risky.map(() => '-3'))
    expect(rows.map((row) => row.floorAreaM2)).toEqual(risky.map(() => '-1.5'))
  })

  it('writes numeric text of numeric fields as a number, but guards it in a text field', async () => {
    const feature = createCompound(1, { properties: { households: '-12', code: '-12' } })
    const [row] = await csvRows('compounds', batchesOf([feature]), { geometry: 'wkt', decimals: 3 })
    expect(row?.households).toBe('-12')
    expect(row?.code).toBe("'-12")
  })

  it('quotes commas, quotes and line breaks and keeps Chinese text', async () => {
    const feature = createCompound(1, { properties: { name: '五福苑,"东区"', address: '红星路\n12号' } })
    const [row] = await csvRows('compounds', batchesOf([feature]), { geometry: 'wkt', decimals: 3 })
    expect(row?.name).toBe('五福苑,"东区"')
    expect(row?.address).toBe('红星路\n12号')
  })

  it('writes nulls as empty cells, booleans as true/false and the id from the feature', async () => {
    const feature = { id: 42, properties: { name: null, onOldRegister: false }, geometry: null }
    const [row] = await csvRows('compounds', batchesOf([feature]), { geometry: 'wkt', decimals: 3 })
    expect(row).toMatchObject({ id: '42', name: '', onOldRegister: 'false', builtYear: '', wkt: '' })
  })

  it('writes the geometry as WKT, exterior ring counter-clockwise, rounded', async () => {
    const road = createRoad(1, [
      [400_000.12345, 3_390_000],
      [400_100, 3_390_050.5],
    ])
    const [roadRow] = await csvRows('roads', batchesOf([road]), { geometry: 'wkt', decimals: 3 })
    expect(roadRow?.wkt).toBe('LINESTRING (400000.123 3390000, 400100 3390050.5)')
    const [compoundRow] = await csvRows('compounds', batchesOf([createCompound(1)]), {
      geometry: 'wkt',
      decimals: 3,
    })
    expect(compoundRow?.wkt).toMatch(/^POLYGON \(\(400200 3390000, 400300 3390000, /)
  })

  it('writes points as lon and lat columns when asked', async () => {
    const rows = await csvRows('facilities', batchesOf([createFacility(1, [104.123456789, 30.6543219])]), {
      geometry: 'lonlat',
      decimals: 7,
    })
    expect(rows[0]).toMatchObject({ name: '社区卫生服务站', lon: '104.1234568', lat: '30.6543219' })
    expect(rows[0]).not.toHaveProperty('wkt')
  })

  it('refuses lon/lat columns for a layer that is not made of points', () => {
    expect(() => csvChunks('compounds', batchesOf([]), { geometry: 'lonlat', decimals: 7 })).toThrow(
      TypeError,
    )
  })
})
