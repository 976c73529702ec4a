// Label anchors for area names: one point per area, so a name is not repeated in every tile its outline crosses.

type Position = number[]
type Ring = Position[]

interface AreaGeometry {
  type: string
  coordinates: unknown
}

/** Signed area (shoelace) and centroid of a closed ring, in degrees; a fine approximation at district scale. */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? []
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? []
    const cross = x0 * y1 - x1 * y0
    area += cross
    cx += (x0 + x1) * cross
    cy += (y0 + y1) * cross
  }
  area /= 2
  if (area === 0) {
    const [x = 0, y = 0] = ring[0] ?? []
    return { area: 0, x, y }
  }
  return { area, x: cx / (6 * area), y: cy / (6 * area) }
}

/** The centroid of the largest polygon's outer ring, or undefined for a geometry with no polygon. */
export function labelPoint(geometry: AreaGeometry): [number, number] | undefined {
  const polygons: Ring[][] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Ring[]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Ring[][])
        : []
  let best: { area: number; x: number; y: number } | undefined
  for (const polygon of polygons) {
    const outer = polygon[0]
    if (!outer || outer.length < 4) continue
    const centroid = ringCentroid(outer)
    if (!best || Math.abs(centroid.area) > Math.abs(best.area)) best = centroid
  }
  return best ? [best.x, best.y] : undefined
}
