import { describe, expect, it } from 'vitest'
import { featureJson, geojsonChunks, geojsonSeqChunks } from './geojson.ts'
import { signedArea2 } from './geometry.ts'
import { batchesOf, collect, createCompound, manyCompounds, polygon, square } from './test-fixtures.ts'

const lines = (count: number) =>
  Array.from({ length: count }, (_, i) => featureJson(createCompound(i + 1), 3))

describe('GeoJSON FeatureCollection framing', () => {
  it.each([0, 1, 5])('parses as one FeatureCollection holding all %i features', async (count) => {
    const text = await collect(geojsonChunks(batchesOf(lines(count), 2)))
    const collection = JSON.parse(text)
    expect(collection.type).toBe('FeatureCollection')
    expect(collection.features.map((f: { id: number }) => f.id)).toEqual(
      Array.from({ length: count }, (_, i) => i + 1),
    )
  })

  it('puts each feature on its own line between the opening and closing lines', async () => {
    const text = await collect(geojsonChunks(batchesOf(lines(5), 2)))
    const rows = text.split('\n')
    expect(rows).toHaveLength(5 + 3) // opening line, 5 features, closing line, and the final newline's empty rest
    expect(rows[0]).toBe('{"type":"FeatureCollection","features":[')
    expect(rows.slice(1, 6).map((row) => JSON.parse(row.replace(/^,/, '')).id)).toEqual([1, 2, 3, 4, 5])
    expect(rows[6]).toBe(']}')
  })

  it('skips empty batches without leaving a stray comma', async () => {
    async function* withEmpty() {
      yield []
      yield lines(1)
      yield []
      yield lines(2).slice(1)
    }
    const collection = JSON.parse(await collect(geojsonChunks(withEmpty())))
    expect(collection.features).toHaveLength(2)
  })

  it('streams 200,000 features batch by batch through to the closing line', async () => {
    async function* featureLines() {
      for await (const batch of manyCompounds(200_000)) yield batch.map((feature) => featureJson(feature, 3))
    }
    let newlines = 0
    let last = ''
    for await (const chunk of geojsonChunks(featureLines())) {
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) newlines++
      last = chunk
    }
    expect(newlines).toBe(200_000 + 2)
    expect(last).toBe('\n]}\n')
  })
})

describe('GeoJSON Text Sequence', () => {
  it('writes RS, the feature and LF for each feature (RFC 8142)', async () => {
    const text = await collect(geojsonSeqChunks(batchesOf(lines(3), 2)))
    const records = text.split('\x1e').slice(1)
    expect(text.startsWith('\x1e')).toBe(true)
    expect(records).toHaveLength(3)
    for (const record of records) {
      expect(record.endsWith('\n')).toBe(true)
      expect(JSON.parse(record).type).toBe('Feature')
    }
  })

  it('writes nothing for no features', async () => {
    expect(await collect(geojsonSeqChunks(batchesOf([], 2)))).toBe('')
  })
})

describe('one feature as RFC 7946 text', () => {
  it('winds a clockwise exterior counter-clockwise and a counter-clockwise hole clockwise', () => {
    const feature = createCompound(1, { geometry: polygon(square(0, 0, 10, 'cw'), square(2, 2, 2, 'ccw')) })
    const { geometry } = JSON.parse(featureJson(feature, 7))
    expect(signedArea2(geometry.coordinates[0])).toBeGreaterThan(0)
    expect(signedArea2(geometry.coordinates[1])).toBeLessThan(0)
  })

  it('winds every part of a MultiPolygon', () => {
    const feature = createCompound(1, {
      geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 'cw')], [square(5, 5, 1, 'cw')]] },
    })
    const { geometry } = JSON.parse(featureJson(feature, 7))
    for (const [exterior] of geometry.coordinates) expect(signedArea2(exterior)).toBeGreaterThan(0)
  })

  it('rounds coordinates to the given decimals and keeps id, properties and null geometry', () => {
    const point = { id: 7, properties: { name: '菜市场', capacity: null }, geometry: null }
    expect(featureJson(point, 7)).toBe(
      '{"type":"Feature","id":7,"geometry":null,"properties":{"name":"菜市场","capacity":null}}',
    )
    const rounded = JSON.parse(
      featureJson(
        { id: 8, properties: {}, geometry: { type: 'Point', coordinates: [104.123456789, 30.987654321] } },
        7,
      ),
    )
    expect(rounded.geometry.coordinates).toEqual([104.1234568, 30.9876543])
  })
})
