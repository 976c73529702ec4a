import { describe, expect, it } from 'vitest'
import { labelPoint } from './label-point.ts'
import { polygon, square } from './test-fixtures.ts'

/** Even-odd point-in-polygon test over all rings. */
function inside([x, y]: number[], rings: number[][][]): boolean {
  let result = false
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? []
      const [xj = 0, yj = 0] = ring[j] ?? []
      if (
        yi > (y as number) !== yj > (y as number) &&
        (x as number) < ((xj - xi) * ((y as number) - yi)) / (yj - yi) + xi
      ) {
        result = !result
      }
    }
  }
  return result
}

describe('where a label goes', () => {
  it('puts the label of an L-shaped compound inside it, where its centroid would fall outside', () => {
    // an L: the 100 m square without its upper-right 80 m square
    const ring = [
      [0, 0],
      [100, 0],
      [100, 20],
      [20, 20],
      [20, 100],
      [0, 100],
      [0, 0],
    ]
    const at = labelPoint(polygon(ring))
    expect(at).not.toBeNull()
    expect(inside([at?.x ?? 0, at?.y ?? 0], [ring])).toBe(true)
    expect(at?.room).toBe(20)
  })

  it('avoids the courtyard hole of a compound', () => {
    const rings = [square(0, 0, 100), square(30, 30, 40, 'cw')]
    const at = labelPoint(polygon(...rings))
    expect(inside([at?.x ?? 0, at?.y ?? 0], rings)).toBe(true)
    expect(at?.room).toBe(30)
  })

  it('labels the largest part of a MultiPolygon', () => {
    const at = labelPoint({ type: 'MultiPolygon', coordinates: [[square(0, 0, 10)], [square(100, 0, 50)]] })
    expect(at?.x).toBe(125)
  })

  it('labels a point at the point and a line not at all', () => {
    expect(labelPoint({ type: 'Point', coordinates: [3, 4] })).toEqual({ x: 3, y: 4, room: null })
    expect(
      labelPoint({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      }),
    ).toBeNull()
  })
})
