// The road network as a graph: road end points are nodes, road features are edges. Dead ends,
// connectivity and walking distances are all derived from this one structure.
import { length } from '@turf/turf'
import type { Feature, FeatureCollection, GeoJsonProperties, LineString, Position } from 'geojson'

/** A road end point; every road starting or ending here is one of its edges. */
export interface RoadNode {
  /** `lon,lat` rounded to the graph's precision, e.g. `104.0616597,30.6498922`. */
  key: string
  /** The rounded position, so that every road meeting here reports the same point. */
  coordinates: Position
  /** Indexes into `RoadGraph.edges`; a road that starts and ends here is listed twice. */
  edges: number[]
  /** Number of road ends at this node (a closed loop counts twice, as in graph theory). */
  degree: number
}

/** One road feature between two nodes. */
export interface RoadEdge<P extends GeoJsonProperties = GeoJsonProperties> {
  /** Position of the feature in the input collection. */
  index: number
  /** The feature's own `id`, when it has one. */
  id: string | number | undefined
  from: string
  to: string
  lengthM: number
  feature: Feature<LineString, P>
}

export interface RoadGraph<P extends GeoJsonProperties = GeoJsonProperties> {
  /** Decimal places the end points were rounded to before they were compared. */
  precision: number
  nodes: Map<string, RoadNode>
  edges: RoadEdge<P>[]
}

export interface RoadGraphOptions {
  /** Decimal places of lon/lat kept when matching end points; 7 (about 1 cm) by default. */
  precision?: number
}

/** Rounds a lon/lat position to `precision` decimals; the node key is built from the result. */
export function roundPosition(position: Position, precision: number): Position {
  const factor = 10 ** precision
  // `+ 0` turns -0 into 0, so that a point on the equator or meridian has one key, not two.
  return [
    Math.round((position[0] as number) * factor) / factor + 0,
    Math.round((position[1] as number) * factor) / factor + 0,
  ]
}

export function nodeKeyOf(position: Position, precision = 7): string {
  const [lon, lat] = roundPosition(position, precision)
  return `${lon},${lat}`
}

/**
 * Builds the graph of a road network that is already noded (roads meet only at their end points).
 * Roads crossing without a shared end point stay unconnected: noding is the data's job, not the graph's.
 */
export function buildRoadGraph<P extends GeoJsonProperties>(
  roads: FeatureCollection<LineString, P>,
  options: RoadGraphOptions = {},
): RoadGraph<P> {
  const precision = options.precision ?? 7
  const nodes = new Map<string, RoadNode>()
  const edges: RoadEdge<P>[] = []

  const attach = (position: Position, edgeIndex: number) => {
    const coordinates = roundPosition(position, precision)
    const key = `${coordinates[0]},${coordinates[1]}`
    let node = nodes.get(key)
    if (!node) {
      node = { key, coordinates, edges: [], degree: 0 }
      nodes.set(key, node)
    }
    node.edges.push(edgeIndex)
    node.degree++
    return key
  }

  roads.features.forEach((feature, index) => {
    const coords = feature.geometry.coordinates
    const first = coords[0]
    const last = coords[coords.length - 1]
    if (coords.length < 2 || !first || !last) throw new Error(`road ${index} has fewer than 2 positions`)
    edges.push({
      index,
      id: feature.id,
      from: attach(first, index),
      to: attach(last, index),
      lengthM: length(feature, { units: 'meters' }),
      feature,
    })
  })

  return { precision, nodes, edges }
}
