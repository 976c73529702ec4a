import { describe, expect, it } from 'vitest'
import { extentOf } from './extent.ts'

describe('extentOf', () => {
  it('boxes an outline before and after a move', () => {
    const before = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [104, 30],
          [104.1, 30],
          [104.1, 30.1],
          [104, 30],
        ],
      ],
    }
    const after = { type: 'Point' as const, coordinates: [104.2, 29.9] }
    expect(extentOf(before, null, after)).toEqual([104, 29.9, 104.2, 30.1])
  })

  it('has no extent without a geometry', () => {
    expect(extentOf(undefined, null)).toBeUndefined()
  })
})
