// Dead ends of the road network, computed once per process from the road graph and kept until roads change.
import { buildRoadGraph, findDeadEnds } from '@renewal-atlas/analysis'
import type { DeadEndCollection } from '@renewal-atlas/domain'
import type { RoadRepository } from './road.repository.ts'

export class RoadService {
  private deadEndsCache: Promise<DeadEndCollection> | undefined

  constructor(private readonly roads: RoadRepository) {}

  /** Concurrent first requests share one computation; a failed one is not kept. */
  deadEnds(): Promise<DeadEndCollection> {
    if (!this.deadEndsCache) {
      const computing = this.computeDeadEnds()
      this.deadEndsCache = computing
      computing.catch(() => {
        if (this.deadEndsCache === computing) this.deadEndsCache = undefined
      })
    }
    return this.deadEndsCache
  }

  /** Write paths that change roads or the district outline call this; the next read recomputes. */
  invalidate(): void {
    this.deadEndsCache = undefined
  }

  private async computeDeadEnds(): Promise<DeadEndCollection> {
    const [roads, boundary] = await Promise.all([this.roads.roads(), this.roads.districtOutline()])
    const graph = buildRoadGraph(roads)
    const deadEnds = findDeadEnds(graph, boundary ? { boundary } : {})
    return {
      type: 'FeatureCollection',
      features: deadEnds.map(({ geometry, properties: { nodeKey, roadIndex } }) => {
        const road = graph.edges[roadIndex]?.feature.properties
        if (!road) throw new Error(`dead end ${nodeKey} names no road`)
        const [lon, lat] = geometry.coordinates as [number, number]
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [lon, lat] },
          properties: { nodeKey, roadCode: road.code, roadName: road.name, roadClass: road.roadClass },
        }
      }),
    }
  }
}
