// The tile revision of each map layer, kept in the query cache: a tile URL carries its layer's revision as `rev`
// (the tile route ignores it), the browser keeps tiles for a minute, and a write that changes a layer invalidates
// its revision (data-changed.ts), so the map asks for new tiles of that layer only. Until the API announces its
// own revisions, a revision is a number this page counts up.
import type { TileLayerName } from '@renewal-atlas/domain'
import { queryOptions } from '@tanstack/react-query'

let counter = 0

export function layerRevisionKey(layer: TileLayerName) {
  return ['layer-revision', layer] as const
}

export function layerRevisionQuery(layer: TileLayerName) {
  return queryOptions({
    queryKey: layerRevisionKey(layer),
    // Asked again only when invalidated: each time a new number, so a new tile URL.
    queryFn: () => {
      counter += 1
      return counter
    },
    initialData: 0,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  })
}
