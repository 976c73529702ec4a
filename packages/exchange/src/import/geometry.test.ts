import { describe, expect, it } from 'vitest'
import { readGeometry } from './geometry.ts'

const detail = (value: unknown) => readGeometry(value).issue?.detail

describe('readGeometry', () => {
  it('when a coordinate overflows to infinity (1e999 in the file), then it says so instead of printing null', () => {
    const parsed = JSON.parse('{"type":"Point","coordinates":[1e999,30.65]}')
    expect(detail(parsed)).toBe(
      'Point: the position: x is infinity: the number in the file (such as 1e999) is too large for any coordinate system',
    )
    const ring = JSON.parse('[[104.06,30.66],[104.07,-1e999],[104.07,30.67],[104.06,30.66]]')
    expect(detail({ type: 'Polygon', coordinates: [ring] })).toBe(
      'Polygon: position 2: y is minus infinity: the number in the file (such as 1e999) is too large for any coordinate system',
    )
  })

  it('names what stands where a number should', () => {
    expect(detail({ type: 'Point', coordinates: [Number.NaN, 30.65] })).toBe(
      'Point: the position: x is NaN (not a number)',
    )
    expect(
      detail({
        type: 'LineString',
        coordinates: [
          [104.06, 30.66],
          [104.07, '30.67'],
        ],
      }),
    ).toBe('LineString: position 2: y is the text "30.67", not a number')
    expect(detail({ type: 'Point', coordinates: [104.06, null] })).toBe(
      'Point: the position: y is null, not a number',
    )
  })

  it('reads finite positions as they are', () => {
    expect(readGeometry({ type: 'Point', coordinates: [104.06, 30.66, 500] })).toEqual({
      geometry: { type: 'Point', coordinates: [104.06, 30.66] },
      issue: null,
    })
  })
})
