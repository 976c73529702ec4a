import { IMPORT_LIMITS } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { FileRejected } from '../errors.ts'
import { isNewlineDelimited, readGeoJsonSeq } from './geojson-seq.reader.ts'

const RS = '\x1e'
const point = (x: number) => ({ type: 'Point', coordinates: [104.06 + x / 1000, 30.66] })
const feature = (code: string, x: number) =>
  JSON.stringify({ type: 'Feature', properties: { code }, geometry: point(x) })

function refusal(read: () => unknown): FileRejected {
  try {
    read()
  } catch (error) {
    if (error instanceof FileRejected) return error
    throw error
  }
  throw new Error('expected the sequence to be refused')
}

describe('telling newline-delimited GeoJSON from a GeoJSON document', () => {
  it('takes several lines of whole objects for a sequence', () => {
    expect(isNewlineDelimited(`${feature('A', 1)}\n${feature('B', 2)}\n`)).toBe(true)
    expect(isNewlineDelimited(`\n  ${feature('A', 1)} \r\n\r\n${feature('B', 2)}`)).toBe(true)
  })

  it('keeps a pretty-printed FeatureCollection, a one-line document and one Feature as GeoJSON', () => {
    const collection = { type: 'FeatureCollection', features: [JSON.parse(feature('A', 1))] }
    expect(isNewlineDelimited(JSON.stringify(collection, null, 2))).toBe(false)
    expect(isNewlineDelimited(`${JSON.stringify(collection)}\n`)).toBe(false)
    expect(isNewlineDelimited(`${feature('A', 1)}\n\n`)).toBe(false)
    expect(isNewlineDelimited('{"type":"FeatureCollection","features":[\n{"type":"Feature"}\n]}')).toBe(false)
  })

  it('does not count braces and newlines escaped inside strings', () => {
    const tricky = JSON.stringify({ type: 'Feature', properties: { note: '}\n{' }, geometry: null })
    expect(isNewlineDelimited(`${tricky}\n${feature('B', 2)}`)).toBe(true)
    expect(isNewlineDelimited('{"a":"}"\n,"b":1}\n{"c":2}')).toBe(false)
  })
})

describe('reading a GeoJSON text sequence', () => {
  it('reads RFC 8142 records: one feature each, bare geometries without properties', () => {
    const text = `${RS}${feature('A', 1)}\n${RS}${JSON.stringify(point(2))}\n${RS}${RS}\n${RS}${feature('C', 3)}\n`
    const dataset = readGeoJsonSeq(text, 'facilities.geojsons')
    expect(dataset).toMatchObject({ format: 'geojsonseq', columns: ['code'], prj: null })
    expect(dataset.features.map((f) => [f.n, f.properties.code, f.geometry?.coordinates[0]])).toEqual([
      [1, 'A', 104.061],
      [2, undefined, 104.062],
      [3, 'C', 104.063],
    ])
    expect(Object.getPrototypeOf(dataset.features[0]?.properties)).toBeNull()
  })

  it('reads newline-delimited records, CRLF and blank lines included', () => {
    const text = `${feature('A', 1)}\r\n\r\n${feature('B', 2)}\r\n`
    const dataset = readGeoJsonSeq(text, 'facilities.geojsonl')
    expect(dataset.features.map((f) => f.properties.code)).toEqual(['A', 'B'])
    expect(dataset.features.map((f) => f.n)).toEqual([1, 2])
  })

  it('refuses the whole file for a record that is not JSON, naming the record and its line', () => {
    const error = refusal(() => readGeoJsonSeq(`${feature('A', 1)}\n\n{"type":"Feature",\n`, 'cut.geojsonl'))
    expect(error.code).toBe('json_invalid')
    expect(error.reason).toMatch(/^Record 2 \(line 3\) of cut\.geojsonl is not valid JSON: /)
  })

  it('names the line an RS record starts on', () => {
    const error = refusal(() => readGeoJsonSeq(`${RS}${feature('A', 1)}\n${RS}[1,\n`, 'bad.geojsons'))
    expect(error.reason).toMatch(/^Record 2 \(line 2\) of bad\.geojsons is not valid JSON: /)
  })

  it('refuses a record that is JSON but not a Feature or a geometry', () => {
    const error = refusal(() => readGeoJsonSeq(`${feature('A', 1)}\n{"name":"x"}\n`, 'odd.geojsonl'))
    expect([error.code, error.reason]).toEqual([
      'geojson_invalid',
      'Record 2 (line 2) of odd.geojsonl is not a GeoJSON Feature',
    ])
  })

  it('refuses prototype keys and deep nesting record by record', () => {
    const proto = `${feature('A', 1)}\n{"type":"Feature","properties":{"__proto__":{"admin":true}},"geometry":null}\n`
    expect(refusal(() => readGeoJsonSeq(proto, 'p.geojsonl')).reason).toBe(
      'Record 2 (line 2) of p.geojsonl: JSON key "__proto__" is not allowed (it could alter object prototypes)',
    )
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    const deep = `${RS}${feature('A', 1)}\n${RS}${'['.repeat(70)}${']'.repeat(70)}\n`
    const error = refusal(() => readGeoJsonSeq(deep, 'd.geojsons'))
    expect([error.code, error.reason]).toEqual([
      'json_too_deep',
      `Record 2 (line 2) of d.geojsons: JSON is nested 70 levels deep (limit ${IMPORT_LIMITS.maxJsonDepth})`,
    ])
  })

  it('turns a ring over the vertex limit into a feature issue', () => {
    const ring = Array.from({ length: IMPORT_LIMITS.maxVerticesPerFeature + 1 }, (_, i) => [
      104 + i * 1e-7,
      30.66,
    ])
    const big = JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [ring] },
    })
    const dataset = readGeoJsonSeq(`${feature('A', 1)}\n${big}\n`, 'big.geojsonl')
    expect(dataset.features[1]?.issues.map((issue) => issue.code)).toEqual(['too_many_vertices'])
    expect(dataset.features[1]?.geometry).toBeNull()
  })

  it('counts records against the feature limit before parsing any', () => {
    const broken = `${RS}{\n`.repeat(IMPORT_LIMITS.maxFeatures + 1)
    const error = refusal(() => readGeoJsonSeq(broken, 'many.geojsons'))
    expect([error.code, error.status]).toEqual(['too_many_features', 413])
  })

  it('refuses a sequence of nothing but separators', () => {
    expect(refusal(() => readGeoJsonSeq(`${RS}\n${RS}\n`, 'empty.geojsons')).code).toBe('no_features')
  })
})
