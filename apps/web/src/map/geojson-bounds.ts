// The bounding box of GeoJSON geometries, for fitting the map to the district.

export type Bounds = [west: number, south: number, east: number, north: number]

type Coordinates = number | Coordinates[]

function extend(bounds: Bounds, coordinates: Coordinates): void {
  if (!Array.isArray(coordinates)) return
  const [x, y] = coordinates
  if (typeof x === 'number' && typeof y === 'number') {
    bounds[0] = Math.min(bounds[0], x)
    bounds[1] = Math.min(bounds[1], y)
    bounds[2] = Math.max(bounds[2], x)
    bounds[3] = Math.max(bounds[3], y)
    return
  }
  for (const child of coordinates) extend(bounds, child)
}

/** [west, south, east, north] of every position of the features, or undefined when there are none. */
export function boundsOf(
  features: readonly { geometry: { coordinates: Coordinates } }[],
): Bounds | undefined {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity]
  for (const feature of features) extend(bounds, feature.geometry.coordinates)
  return Number.isFinite(bounds[0]) ? bounds : undefined
}
