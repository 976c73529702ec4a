import {
  ReasonCodeRepeated,
  ReasonDegreesInMetreSystem,
  ReasonDegreesOutOfRange,
  ReasonEastingWithoutZone,
  ReasonEastingWithZone,
  ReasonFarFromSichuan,
  ReasonLatitudeFirst,
  ReasonMetresInDegreeSystem,
  ReasonMultiPolygonParts,
  ReasonNorthingFirst,
  ReasonNotAPoint,
  ReasonNotAPolygon,
  ReasonTooManyVertices,
} from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { positionFromWgs84, toWgs84 } from '../crs.ts'
import type { Geometry } from '../types.ts'
import { checkGeometry, duplicateCodes } from './checks.ts'

const square = (x: number, y: number, d: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
})
const WUFUYUAN = square(104.0612, 30.6612, 0.0005)
const codes = (
  geometry: Geometry | null,
  target: 'compounds' | 'buildings' | 'facilities',
  crs = '4326' as const,
) => checkGeometry(geometry, geometry && toWgs84(geometry, crs), target, crs).map((i) => i.code)

describe('checkGeometry', () => {
  it('passes a building footprint in Chengdu', () => {
    expect(codes(WUFUYUAN, 'buildings')).toEqual([])
  })

  it('reports a missing geometry', () => {
    expect(codes(null, 'compounds')).toEqual(['missing_geometry'])
  })

  it('accepts a one-part MultiPolygon but not a two-part one, and wants points for facilities', () => {
    const one: Geometry = { type: 'MultiPolygon', coordinates: [WUFUYUAN.coordinates] }
    const two: Geometry = { type: 'MultiPolygon', coordinates: [WUFUYUAN.coordinates, WUFUYUAN.coordinates] }
    expect(codes(one, 'compounds')).toEqual([])
    expect(codes(two, 'compounds')).toEqual(['wrong_geometry_type'])
    expect(checkGeometry(two, null, 'compounds', '4326')[0]).toMatchObject({
      reason: ReasonMultiPolygonParts,
      params: { parts: 2, target: 'compounds' },
    })
    expect(checkGeometry(WUFUYUAN, null, 'facilities', '4326')[0]).toMatchObject({
      code: 'wrong_geometry_type',
      reason: ReasonNotAPoint,
      params: { geometryType: 'Polygon', target: 'facilities' },
    })
    const point: Geometry = { type: 'Point', coordinates: [104.06, 30.66] }
    expect(checkGeometry(point, null, 'buildings', '4326')[0]).toMatchObject({
      code: 'wrong_geometry_type',
      reason: ReasonNotAPolygon,
      params: { geometryType: 'Point', target: 'buildings' },
    })
    expect(codes(point, 'facilities')).toEqual([])
  })

  it('reports more vertices than allowed', () => {
    const ring = Array.from({ length: 100_001 }, (_, i) => [
      104.06 + Math.cos(i) * 0.001,
      30.66 + Math.sin(i) * 0.001,
    ])
    ring.push(ring[0] as number[])
    expect(checkGeometry({ type: 'Polygon', coordinates: [ring] }, null, 'compounds', '4326')).toMatchObject([
      {
        code: 'too_many_vertices',
        reason: ReasonTooManyVertices,
        params: { vertices: 100_002, limit: 100_000 },
      },
    ])
  })

  it('reports latitude and longitude in the wrong order', () => {
    const swapped: Geometry = { type: 'Point', coordinates: [30.6612, 104.0612] }
    const issues = checkGeometry(swapped, toWgs84(swapped, '4326'), 'facilities', '4326')
    expect(issues).toEqual([
      {
        code: 'swapped_coordinates',
        severity: 'error',
        reason: ReasonLatitudeFirst,
        params: { position: [30.6612, 104.0612] },
      },
    ])
  })

  it('reports northing before easting in Gauss-Kruger metres', () => {
    const [x, y] = positionFromWgs84('4544')([104.0612, 30.6612]) as [number, number]
    const swapped: Geometry = { type: 'Point', coordinates: [y, x] }
    expect(checkGeometry(swapped, toWgs84(swapped, '4544'), 'facilities', '4544')).toMatchObject([
      { code: 'swapped_coordinates', reason: ReasonNorthingFirst, params: { position: [y, x], crs: '4544' } },
    ])
  })

  it('reports metres declared as degrees and degrees declared as metres', () => {
    const metres: Geometry = { type: 'Point', coordinates: positionFromWgs84('4544')([104.0612, 30.6612]) }
    expect(checkGeometry(metres, null, 'facilities', 'gcj02')).toMatchObject([
      {
        code: 'wrong_crs',
        reason: ReasonMetresInDegreeSystem,
        params: { position: metres.coordinates, crs: 'gcj02' },
      },
    ])
    const degrees: Geometry = { type: 'Point', coordinates: [104.0612, 30.6612] }
    expect(checkGeometry(degrees, null, 'facilities', '4544')).toMatchObject([
      {
        code: 'wrong_crs',
        reason: ReasonDegreesInMetreSystem,
        params: { position: [104.0612, 30.6612], crs: '4544' },
      },
    ])
  })

  it('reports degrees out of range as out of range, naming the value, and keeps "metres" for numbers that are', () => {
    const east: Geometry = { type: 'Point', coordinates: [200, 30.66] }
    expect(checkGeometry(east, null, 'facilities', '4326')).toEqual([
      {
        code: 'wrong_crs',
        severity: 'error',
        reason: ReasonDegreesOutOfRange,
        params: { position: [200, 30.66], axis: 'longitude', value: 200, limit: 180, crs: '4326' },
      },
    ])
    const north = square(104.0612, 30.6612, 0.0005)
    const ring = north.coordinates[0] as number[][]
    ring[2] = [104.0617, 95.5]
    expect(checkGeometry(north, null, 'buildings', '4490')[0]?.params).toEqual({
      position: [104.0617, 95.5],
      vertex: 3,
      axis: 'latitude',
      value: 95.5,
      limit: 90,
      crs: '4490',
    })
    const [x, y] = positionFromWgs84('4544')([104.0612, 30.6612]) as [number, number]
    expect(
      checkGeometry({ type: 'Point', coordinates: [x, y] }, null, 'facilities', '4326')[0],
    ).toMatchObject({
      reason: ReasonMetresInDegreeSystem,
      params: { position: [x, y], crs: '4326' },
    })
  })

  it('reports eastings with or without the zone prefix against the declared zone', () => {
    const plain: Geometry = { type: 'Point', coordinates: positionFromWgs84('4544')([104.0612, 30.6612]) }
    const zoned: Geometry = { type: 'Point', coordinates: positionFromWgs84('4523')([104.0612, 30.6612]) }
    expect(checkGeometry(plain, null, 'facilities', '4523')[0]).toMatchObject({
      reason: ReasonEastingWithoutZone,
      params: { easting: plain.coordinates[0] },
    })
    expect(checkGeometry(zoned, null, 'facilities', '4544')[0]).toMatchObject({
      reason: ReasonEastingWithZone,
      params: { easting: zoned.coordinates[0] },
    })
  })

  it('warns when the converted position is far from Sichuan', () => {
    const beijing: Geometry = { type: 'Point', coordinates: [116.4, 39.9] }
    expect(checkGeometry(beijing, beijing, 'facilities', '4326')).toMatchObject([
      {
        code: 'wrong_crs',
        severity: 'warning',
        reason: ReasonFarFromSichuan,
        params: { position: [116.4, 39.9] },
      },
    ])
  })
})

describe('duplicateCodes', () => {
  it('flags every repeat after the first use, naming the first feature, and ignores empty codes', () => {
    const duplicates = duplicateCodes([
      { n: 1, code: 'B1' },
      { n: 2, code: 'B2' },
      { n: 3, code: ' B1 ' },
      { n: 4, code: null },
      { n: 5, code: '' },
      { n: 6, code: 'B1' },
    ])
    expect([...duplicates.keys()]).toEqual([3, 6])
    expect(duplicates.get(6)).toEqual({
      code: 'duplicate_code_in_file',
      severity: 'error',
      field: 'code',
      reason: ReasonCodeRepeated,
      params: { field: 'code', value: 'B1', firstFeature: 1 },
    })
  })
})
