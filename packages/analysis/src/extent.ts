// The extent of geometries (minLon, minLat, maxLon, maxLat), for saying where a change lies.
import { bbox } from '@turf/turf'
import type { Geometry } from 'geojson'

export type Extent = [minLon: number, minLat: number, maxLon: number, maxLat: number]

/** A GeoJSON geometry as an API schema types it (its positions may be tuples with an optional altitude). */
export type GeometryLike = Geometry | { type: string; coordinates: unknown }

/** The box around every geometry given (null ones skipped); undefined when there is none. */
export function extentOf(...geometries: (GeometryLike | null | undefined)[]): Extent | undefined {
  let extent: Extent | undefined
  for (const geometry of geometries) {
    if (!geometry) continue
    const [x0, y0, x1, y1] = bbox(geometry as Geometry) as Extent
    extent = extent
      ? [Math.min(extent[0], x0), Math.min(extent[1], y0), Math.max(extent[2], x1), Math.max(extent[3], y1)]
      : [x0, y0, x1, y1]
  }
  return extent
}
