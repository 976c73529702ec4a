// The web side of the one data-changed signal: a write names the map layers it changed, and every query that reads
// one of them is invalidated, with the layer list whose revisions the tile URLs carry (the API has stepped them for
// exactly the layers whose tiles the write changed). Query keys start with the layer they read (`['compounds', …]`,
// `['buildings', …]`), so "what reads compounds" is a prefix, not a list someone keeps.
import type { TileLayerName } from '@renewal-atlas/domain'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { layerListKey } from './layer-revision.ts'

/** Queries computed from a layer whose keys do not start with it: the statistics count compounds. */
const derivedFrom: Partial<Record<TileLayerName, readonly QueryKey[]>> = {
  compounds: [['stats']],
}

export interface DataChange {
  layers: readonly TileLayerName[]
  /** Other queries the write changed that belong to no layer (accounts, tokens, the list of imports). */
  also?: readonly QueryKey[]
}

/** Every write is audited: the audit log is stale after any of them. */
const auditKey: QueryKey = ['audit']

export async function dataChanged(client: QueryClient, change: DataChange): Promise<void> {
  const keys: QueryKey[] = [auditKey, ...(change.also ?? [])]
  if (change.layers.length) keys.push(layerListKey)
  for (const layer of change.layers) keys.push([layer], ...(derivedFrom[layer] ?? []))
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })))
}
