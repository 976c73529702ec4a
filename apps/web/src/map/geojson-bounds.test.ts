import { describe, expect, it } from 'vitest'
import { boundsOf } from './geojson-bounds.ts'

describe('boundsOf', () => {
  it('spans every position of polygons and multipolygons', () => {
    const square = {
      geometry: {
        coordinates: [
          [
            [104, 30],
            [104.1, 30],
            [104.1, 30.1],
            [104, 30],
          ],
        ],
      },
    }
    const islands = {
      geometry: {
        coordinates: [
          [
            [
              [103.9, 30.5],
              [104.05, 30.5],
              [104.05, 30.6],
              [103.9, 30.5],
            ],
          ],
        ],
      },
    }
    expect(boundsOf([square, islands])).toEqual([103.9, 30, 104.1, 30.6])
  })

  it('is undefined for no features', () => {
    expect(boundsOf([])).toBeUndefined()
  })
})
