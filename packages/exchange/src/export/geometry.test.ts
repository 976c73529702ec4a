import { describe, expect, it } from 'vitest'
import { orientPolygon, roundGeometry, signedArea2 } from './geometry.ts'
import { square } from './test-fixtures.ts'

describe('ring orientation', () => {
  it('measures a counter-clockwise ring as positive and a clockwise one as negative', () => {
    expect(signedArea2(square(0, 0, 10))).toBe(200)
    expect(signedArea2(square(0, 0, 10, 'cw'))).toBe(-200)
  })

  it('winds the exterior counter-clockwise and holes clockwise for RFC 7946, whatever came in', () => {
    const [exterior, hole] = orientPolygon([square(0, 0, 10, 'cw'), square(2, 2, 2, 'ccw')], 'ccw')
    expect(signedArea2(exterior ?? [])).toBeGreaterThan(0)
    expect(signedArea2(hole ?? [])).toBeLessThan(0)
  })

  it('winds the exterior clockwise and holes counter-clockwise for ESRI', () => {
    const [exterior, hole] = orientPolygon([square(0, 0, 10), square(2, 2, 2, 'cw')], 'cw')
    expect(signedArea2(exterior ?? [])).toBeLessThan(0)
    expect(signedArea2(hole ?? [])).toBeGreaterThan(0)
  })

  it('keeps the first position of a reversed ring as its first and last position', () => {
    const ring = square(0, 0, 10, 'cw')
    const [wound] = orientPolygon([ring], 'ccw')
    expect(wound?.[0]).toEqual(ring[0])
    expect(wound?.at(-1)).toEqual(ring[0])
  })
})

describe('rounding', () => {
  it('rounds every coordinate to the decimals of the system and never writes -0', () => {
    const rounded = roundGeometry(
      {
        type: 'LineString',
        coordinates: [
          [104.123456789, 30.00000004],
          [-0.00000001, 1],
        ],
      },
      7,
    )
    expect(rounded.coordinates).toEqual([
      [104.1234568, 30],
      [0, 1],
    ])
    expect(Object.is(rounded.coordinates[1][0], -0)).toBe(false)
  })
})
