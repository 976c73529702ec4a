// Geometry helpers the writers share: rounding coordinates to the decimals of the export's coordinate system, and
// winding polygon rings the way each format wants (RFC 7946: exterior rings counter-clockwise, holes clockwise;
// ESRI Shapefile: the opposite). Orientation is read in x-east, y-north axes, which every export system uses.
import { mapPositions } from '../crs.ts'
import type { Geometry } from '../types.ts'

export type Position = number[]
export type Ring = Position[]
export type Winding = 'ccw' | 'cw'

/** Twice the signed area of a ring (shoelace): positive when the ring runs counter-clockwise. */
export function signedArea2(ring: Ring): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position
    const b = ring[i] as Position
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number)
  }
  return sum
}

/** The ring wound as asked (the same array when it already is, else a reversed copy). */
function wind(ring: Ring, winding: Winding): Ring {
  const area = signedArea2(ring)
  const isCcw = area > 0
  if (area === 0 || isCcw === (winding === 'ccw')) return ring
  return ring.slice().reverse()
}

/** A polygon's rings with the exterior wound `exterior` and the holes the other way. */
export function orientPolygon(rings: Ring[], exterior: Winding): Ring[] {
  const holes: Winding = exterior === 'ccw' ? 'cw' : 'ccw'
  return rings.map((ring, i) => wind(ring, i === 0 ? exterior : holes))
}

/** The geometry with its polygons' exterior rings wound `exterior` (other geometries as they are). */
function orientGeometry(geometry: Geometry, exterior: Winding): Geometry {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: orientPolygon(geometry.coordinates, exterior) }
  if (geometry.type === 'MultiPolygon') {
    return {
      type: 'MultiPolygon',
      coordinates: (geometry.coordinates as Ring[][]).map((polygon) => orientPolygon(polygon, exterior)),
    }
  }
  return geometry
}

/** A rounding function to `decimals` places (7 for degrees ≈ 1 cm, 3 for metres = 1 mm). */
function rounder(decimals: number): (value: number) => number {
  const factor = 10 ** decimals
  // + 0 turns -0 into 0, so a coordinate never prints as -0
  return (value) => Math.round(value * factor) / factor + 0
}

/** A copy of the geometry with every coordinate rounded to `decimals` places. */
export function roundGeometry(geometry: Geometry, decimals: number): Geometry {
  const round = rounder(decimals)
  return mapPositions(geometry, (position) => position.map(round))
}

/** Rounded, then wound for the format: what every writer does to a geometry before writing it. */
export function prepareGeometry(geometry: Geometry, decimals: number, exterior: Winding): Geometry {
  return orientGeometry(roundGeometry(geometry, decimals), exterior)
}
