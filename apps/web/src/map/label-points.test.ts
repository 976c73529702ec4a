import { describe, expect, it } from 'vitest'
import { labelPoint } from './label-points.ts'

const square = (x: number, y: number, size: number) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
]

describe('labelPoint', () => {
  it('puts a square’s label at its centre', () => {
    expect(labelPoint({ type: 'Polygon', coordinates: square(104, 30, 0.2) })).toEqual([
      expect.closeTo(104.1, 9),
      expect.closeTo(30.1, 9),
    ])
  })

  it('labels a multipolygon on its largest part', () => {
    const point = labelPoint({
      type: 'MultiPolygon',
      coordinates: [square(104, 30, 0.01), square(105, 31, 0.4)],
    })
    expect(point?.[0]).toBeCloseTo(105.2, 9)
    expect(point?.[1]).toBeCloseTo(31.2, 9)
  })

  it('has no label for a line', () => {
    expect(
      labelPoint({
        type: 'LineString',
        coordinates: [
          [104, 30],
          [104.1, 30],
        ],
      }),
    ).toBeUndefined()
  })
})
