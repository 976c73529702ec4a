import {
  ReasonCoordinateInfinite,
  ReasonCoordinateNaN,
  ReasonCoordinateNotNumber,
  ReasonCoordinatesNotArray,
  ReasonGeometryCollection,
  ReasonGeometryNotObject,
  ReasonLineTooShort,
  ReasonRingNotClosed,
  ReasonRingTooShort,
  ReasonUnknownGeometryType,
} from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { readGeometry } from './geometry.ts'

/** The reason a geometry could not be read, as data. */
const why = (value: unknown) => {
  const issue = readGeometry(value).issue
  return issue && { code: issue.code, reason: issue.reason, params: issue.params }
}

describe('readGeometry', () => {
  it('when a coordinate overflows to infinity (1e999 in the file), then it says so instead of printing null', () => {
    const parsed = JSON.parse('{"type":"Point","coordinates":[1e999,30.65]}')
    expect(why(parsed)).toEqual({
      code: 'invalid_geometry',
      reason: ReasonCoordinateInfinite,
      params: { geometryType: 'Point', axis: 'x', negative: false },
    })
    const ring = JSON.parse('[[104.06,30.66],[104.07,-1e999],[104.07,30.67],[104.06,30.66]]')
    expect(why({ type: 'Polygon', coordinates: [ring] })).toMatchObject({
      reason: ReasonCoordinateInfinite,
      params: { geometryType: 'Polygon', vertex: 2, axis: 'y', negative: true },
    })
  })

  it('names what stands where a number should', () => {
    expect(why({ type: 'Point', coordinates: [Number.NaN, 30.65] })).toMatchObject({
      reason: ReasonCoordinateNaN,
      params: { geometryType: 'Point', axis: 'x' },
    })
    const line = {
      type: 'LineString',
      coordinates: [
        [104.06, 30.66],
        [104.07, '30.67'],
      ],
    }
    expect(why(line)).toMatchObject({
      reason: ReasonCoordinateNotNumber,
      params: { geometryType: 'LineString', vertex: 2, axis: 'y', found: 'text', value: '30.67' },
    })
    expect(why({ type: 'Point', coordinates: [104.06, null] })).toMatchObject({
      reason: ReasonCoordinateNotNumber,
      params: { geometryType: 'Point', axis: 'y', found: 'null' },
    })
  })

  it('names what is wrong with the structure: the object, its type, its lists, its rings', () => {
    expect(why('POINT (1 2)')).toEqual({
      code: 'invalid_geometry',
      reason: ReasonGeometryNotObject,
      params: { found: 'text', value: 'POINT (1 2)' },
    })
    expect(why({ type: 'GeometryCollection', geometries: [] })).toMatchObject({
      code: 'wrong_geometry_type',
      reason: ReasonGeometryCollection,
    })
    expect(why({ type: 'Circle', coordinates: [1, 2] })).toMatchObject({
      reason: ReasonUnknownGeometryType,
      params: { value: 'Circle' },
    })
    expect(why({ type: 'Polygon' })).toMatchObject({
      reason: ReasonCoordinatesNotArray,
      params: { geometryType: 'Polygon', items: 'rings', found: 'missing' },
    })
    expect(why({ type: 'LineString', coordinates: [[104.06, 30.66]] })).toMatchObject({
      reason: ReasonLineTooShort,
      params: { geometryType: 'LineString' },
    })
    const open = [
      [104.06, 30.66],
      [104.07, 30.66],
      [104.07, 30.67],
      [104.06, 30.67],
    ]
    expect(why({ type: 'Polygon', coordinates: [open] })).toMatchObject({
      reason: ReasonRingNotClosed,
      params: { geometryType: 'Polygon', ring: 1 },
    })
    expect(
      why({ type: 'Polygon', coordinates: [open.slice(0, 2).concat([open[0] as number[]])] }),
    ).toMatchObject({
      reason: ReasonRingTooShort,
      params: { geometryType: 'Polygon', ring: 1, positions: 3 },
    })
  })

  it('reads finite positions as they are', () => {
    expect(readGeometry({ type: 'Point', coordinates: [104.06, 30.66, 500] })).toEqual({
      geometry: { type: 'Point', coordinates: [104.06, 30.66] },
      issue: null,
    })
  })
})
