// Dead ends of the road network, computed from the road graph and kept until the data-changed signal says the roads
// or the district outline changed.
import { buildRoadGraph, findDeadEnds } from '@renewal-atlas/analysis'
import type { DeadEndCollection } from '@renewal-atlas/domain'
import type { DataChanges } from '../changes/data-changed.ts'
import type { RoadRepository } from './road.repository.ts'

export class RoadService {
  private deadEndsCache: Promise<DeadEndCollection> | undefined

  constructor(
    private readonly roads: RoadRepository,
    changes: DataChanges,
  ) {
    // The graph is built from the roads and cut at the district outline: a change to either rebuilds it.
    changes.listen((changed) => {
      if (changed.some(({ topic }) => topic === 'roads' || topic === 'district'))
        this.deadEndsCache = undefined
    })
  }

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
