// The map layers as the API describes them (GET /api/v1/layers: the layer registry with each tile layer's revision),
// kept in the query cache. The API steps a layer's revision whenever a write changes data its tiles show — this
// page's writes, and everyone else's — so a tile URL that carries it is new exactly when the tiles may differ. The
// list is asked again after this page writes (data-changed.ts) and every minute, the tiles' own cache lifetime.
import { type LayerListItem, layerListResponse, type TileLayerName } from '@renewal-atlas/domain'
import { queryOptions } from '@tanstack/react-query'
import { getJson } from './http-client.ts'

export const layerListKey = ['layers'] as const

/** Tiles are kept a minute by the browser: asking for revisions more often would not show changes sooner. */
const REFRESH_MS = 60_000

export const layerListQuery = queryOptions({
  queryKey: layerListKey,
  queryFn: ({ signal }) => getJson('/layers', layerListResponse, { signal }),
  staleTime: REFRESH_MS,
  refetchInterval: REFRESH_MS,
  refetchOnWindowFocus: true,
})

/** A tile layer's source as the list gives it: the URL template with the revision, and the zooms. */
export function tileSourceOf(
  list: { layers: readonly LayerListItem[] },
  layer: TileLayerName,
): NonNullable<LayerListItem['tiles']> | undefined {
  return list.layers.find((l) => l.id === layer)?.tiles ?? undefined
}
