// Dead ends (断头路) derived from the road graph: the road ends that meet no other road.
import { lineString, point, pointToLineDistance } from '@turf/turf'
import type { Feature, GeoJsonProperties, LineString, MultiPolygon, Point, Polygon } from 'geojson'
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
  const boundaryLines = options.boundary ? linesOf(options.boundary) : []
  const nearBoundary = (p: Feature<Point>) =>
    boundaryLines.some((line) => pointToLineDistance(p, line, { units: 'meters' }) <= toleranceM)

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

/** Every ring of the boundary, holes included: a road can leave the area through a hole too. */
function linesOf(boundary: Polygon | MultiPolygon): Feature<LineString>[] {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates
  return polygons.flat().map((ring) => lineString(ring))
}
