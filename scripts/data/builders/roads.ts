// Roads (道路): one feature per edge of the road fabric, with its class and red-line width, and the count of its
// dead ends (degree-1 nodes inside the district).
import type { RoadProperties } from '@renewal-atlas/domain'
import { type Feature, feature, type LineString } from '../dataset.ts'
import { toLonLat, type XY } from '../geo.ts'
import type { Fabric } from '../layout.ts'

export function buildRoads(fabric: Fabric): Feature<RoadProperties, LineString>[] {
  return fabric.edges.map((e, k) =>
    feature<RoadProperties, LineString>(
      {
        code: `R${String(k + 1).padStart(5, '0')}`,
        name: e.name,
        roadClass: e.roadClass,
        redLineWidthM: e.redLineWidthM,
        carriagewayWidthM: e.carriagewayWidthM,
        synthetic: true,
      },
      {
        type: 'LineString',
        coordinates: [
          toLonLat((fabric.nodes[e.a] as { p: XY }).p, 7),
          toLonLat((fabric.nodes[e.b] as { p: XY }).p, 7),
        ],
      },
    ),
  )
}

/** Dead ends: nodes with one road that are not on the district boundary (where roads run on outside). */
export function countDeadEnds(fabric: Fabric): number {
  const degree = new Map<number, number>()
  for (const e of fabric.edges) {
    degree.set(e.a, (degree.get(e.a) ?? 0) + 1)
    degree.set(e.b, (degree.get(e.b) ?? 0) + 1)
  }
  return fabric.nodes.filter((n) => degree.get(n.id) === 1 && !n.onBoundary).length
}
