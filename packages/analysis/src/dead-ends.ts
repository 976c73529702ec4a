// Dead ends (断头路) derived from the road graph: the road ends that meet no other road.
import { lineString, point, pointToLineDistance } from '@turf/turf'
import type { Feature, GeoJsonProperties, MultiPolygon, Point, Polygon } from 'geojson'
import type { RoadGraph } from './road-graph.ts'

export interface DeadEndProperties {
  nodeKey: string
  /** Index of the road (in the graph's input collection) that ends here. */
  roadIndex: number
  roadName?: string
}

export interface DeadEndOptions {
  /** The district (or plan area) outline: roads that leave it are cut there, and those cuts are not dead ends. */
  boundary?: Polygon | MultiPolygon
  /** Dead ends at most this far from the boundary line are ignored; 50 m by default. */
  boundaryToleranceM?: number
}

export function findDeadEnds<P extends GeoJsonProperties>(
  graph: RoadGraph<P>,
  options: DeadEndOptions = {},
): Feature<Point, DeadEndProperties>[] {
  const toleranceM = options.boundaryToleranceM ?? 50
  const nearBoundary = options.boundary ? boundaryProximity(options.boundary, toleranceM) : () => false

  const deadEnds: Feature<Point, DeadEndProperties>[] = []
  for (const node of graph.nodes.values()) {
    if (node.degree !== 1) continue
    const roadIndex = node.edges[0] as number
    const name = graph.edges[roadIndex]?.feature.properties?.name
    const properties: DeadEndProperties = { nodeKey: node.key, roadIndex }
    if (typeof name === 'string') properties.roadName = name
    const deadEnd = point(node.coordinates, properties)
    if (!nearBoundary(deadEnd)) deadEnds.push(deadEnd)
  }
  return deadEnds
}

/**
 * A test "within toleranceM of the boundary line". The boundary is cut into its segments, and only segments whose
 * bounding box, grown by the tolerance, holds the point get turf's exact distance: a city outline has thousands of
 * segments and a city network thousands of dead ends.
 */
function boundaryProximity(boundary: Polygon | MultiPolygon, toleranceM: number) {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates
  // Degrees per metre, generously: latitude degrees are ~111 km; longitude degrees shrink by cos(latitude).
  const maxAbsLat = Math.max(...polygons.flat(2).map((p) => Math.abs(p[1] ?? 0)))
  const padLat = toleranceM / 110_000
  const padLon = toleranceM / (110_000 * Math.max(Math.cos((Math.min(maxAbsLat, 89) * Math.PI) / 180), 0.01))
  const segments = polygons.flat().flatMap((ring) =>
    ring.slice(1).map((end, i) => {
      const start = ring[i] as number[]
      return {
        line: lineString([start, end]),
        minX: Math.min(start[0] as number, end[0] as number) - padLon,
        maxX: Math.max(start[0] as number, end[0] as number) + padLon,
        minY: Math.min(start[1] as number, end[1] as number) - padLat,
        maxY: Math.max(start[1] as number, end[1] as number) + padLat,
      }
    }),
  )
  return (p: Feature<Point>): boolean => {
    const [x = 0, y = 0] = p.geometry.coordinates
    return segments.some(
      (s) =>
        x >= s.minX &&
        x <= s.maxX &&
        y >= s.minY &&
        y <= s.maxY &&
        pointToLineDistance(p, s.line, { units: 'meters' }) <= toleranceM,
    )
  }
}
