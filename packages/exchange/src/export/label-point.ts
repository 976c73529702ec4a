// Where a CAD label goes: a point inside a polygon (not its centroid, which may fall outside an L-shaped compound),
// found on the horizontal line through the middle of its largest part, at the middle of the widest stretch inside.
import type { Geometry } from '../types.ts'
import { type Position, type Ring, signedArea2 } from './geometry.ts'

export interface LabelPoint {
  x: number
  y: number
  /** Width inside the polygon along the label's line, for sizing the text (points: null). */
  room: number | null
}

/** A point to label the geometry at: inside a polygon, the point itself for points, none for lines. */
export function labelPoint(geometry: Geometry): LabelPoint | null {
  switch (geometry.type) {
    case 'Point':
      return pointLabel(geometry.coordinates)
    case 'MultiPoint':
      return geometry.coordinates.length > 0 ? pointLabel(geometry.coordinates[0]) : null
    case 'Polygon':
      return polygonLabel(geometry.coordinates)
    case 'MultiPolygon':
      return polygonLabel(largest(geometry.coordinates))
    default:
      return null
  }
}

function pointLabel([x, y]: Position): LabelPoint | null {
  return x === undefined || y === undefined ? null : { x, y, room: null }
}

function largest(polygons: Ring[][]): Ring[] {
  let best: Ring[] = []
  let bestArea = -1
  for (const polygon of polygons) {
    const area = Math.abs(signedArea2(polygon[0] ?? []))
    if (area > bestArea) {
      best = polygon
      bestArea = area
    }
  }
  return best
}

/** Scan the line half-way up the exterior ring: its crossings with every ring pair up into stretches inside. */
function polygonLabel(rings: Ring[]): LabelPoint | null {
  const exterior = rings[0]
  if (!exterior || exterior.length === 0) return null
  let minY = Number.POSITIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (const [, y] of exterior as [number, number][]) {
    minY = Math.min(minY, y)
    maxY = Math.max(maxY, y)
  }
  const y = (minY + maxY) / 2
  const crossings: number[] = []
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j] as [number, number]
      const [x2, y2] = ring[i] as [number, number]
      // half-open on y so a vertex on the line counts once
      if (y1 <= y !== y2 <= y) crossings.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1))
    }
  }
  crossings.sort((a, b) => a - b)
  let best: LabelPoint | null = null
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const from = crossings[i] as number
    const to = crossings[i + 1] as number
    if (!best || to - from > (best.room ?? 0)) best = { x: (from + to) / 2, y, room: to - from }
  }
  if (best) return best
  const [x0, y0] = exterior[0] as [number, number]
  return { x: x0, y: y0, room: 0 }
}
