// The OGC query parameters: limit lowered to its maximum, bbox with 4 or 6 numbers and over the antimeridian,
// RFC 3339 datetime instants and intervals, and unknown parameters refused.
import { describe, expect, it } from 'vitest'
import { bboxFilter, OGC_MAX_LIMIT, ogcItemsQuery } from './ogc.params.ts'

const parse = (query: Record<string, string>) => ogcItemsQuery.safeParse(query)

describe('OGC items query', () => {
  it('lowers a limit above the maximum to the maximum, and refuses one below 1 or not whole', () => {
    expect(parse({ limit: '20000' }).data?.limit).toBe(OGC_MAX_LIMIT)
    expect(parse({ limit: '99999999999999999999' }).data?.limit).toBe(OGC_MAX_LIMIT)
    expect(parse({ limit: '10000' }).data?.limit).toBe(10_000)
    expect(parse({ limit: '1' }).data?.limit).toBe(1)
    for (const limit of ['0', '-5', '2.5', '1e3', ' 7']) expect(parse({ limit }).success, limit).toBe(false)
  })

  it('reads a bbox of 4 numbers, or 6 with heights that do not narrow anything', () => {
    expect(parse({ bbox: '104.1,30.6,104.2,30.7' }).data?.bbox).toEqual([104.1, 30.6, 104.2, 30.7])
    expect(parse({ bbox: '104.1,30.6,-5,104.2,30.7,80' }).data?.bbox).toEqual([104.1, 30.6, 104.2, 30.7])
    for (const bbox of [
      '104,30,105',
      '104,30,1,105,31',
      '1,2,3,4,5,6,7',
      '104,31,105,30',
      '181,0,182,1',
      'x,1,2,3',
    ]) {
      expect(parse({ bbox }).success, bbox).toBe(false)
    }
    expect(parse({ bbox: '104,30,0,105,31,-1' }).success).toBe(false)
  })

  it('turns a bbox over the antimeridian into two boxes either side of it', () => {
    expect(bboxFilter([100, 10, 110, 20])).toEqual({ bbox: [100, 10, 110, 20] })
    const { area } = bboxFilter([170, -10, -170, 10])
    expect(area?.type).toBe('MultiPolygon')
    const polygons = area?.coordinates as number[][][][]
    expect(polygons.map((polygon) => polygon[0]?.map((p) => p[0]))).toEqual([
      [170, 180, 180, 170, 170],
      [-180, -170, -170, -180, -180],
    ])
  })

  it('accepts RFC 3339 instants and intervals with open ends, and nothing else', () => {
    for (const datetime of [
      '2024-05-01',
      '2024-05-01T08:30:00Z',
      '2024-05-01T08:30:00.5+08:00',
      '2024-01-01T00:00:00Z/2024-12-31T23:59:59Z',
      '../2024-05-01T00:00:00Z',
      '2024-05-01/..',
      '/2024-05-01',
    ]) {
      expect(parse({ datetime }).success, datetime).toBe(true)
    }
    for (const datetime of [
      'yesterday',
      '2024-13-01',
      '../..',
      '2024-05-02/2024-05-01',
      '2024-05-01T08:30:00',
      'a/b/c',
    ]) {
      expect(parse({ datetime }).success, datetime).toBe(false)
    }
  })

  it('refuses parameters it does not define', () => {
    expect(parse({ filter: "name='x'" }).success).toBe(false)
    expect(parse({ f: 'json', offset: '20', after: '19' }).success).toBe(true)
  })
})
