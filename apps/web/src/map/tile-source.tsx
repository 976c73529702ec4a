// A source of the platform's own vector tiles for one layer, its URL carrying that layer's revision from the query
// cache (api/layer-revision.ts): after a write that changes the layer the map asks for its tiles anew, and only its.
import type { TileLayerName } from '@renewal-atlas/domain'
import { TILE_LAYERS } from '@renewal-atlas/domain'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { layerRevisionQuery } from '../api/layer-revision.ts'
import { Source } from './source.tsx'

/** The tile URL template of a layer; maplibre's workers resolve no relative URLs, so it carries the origin. */
export function tileUrl(origin: string, layer: TileLayerName, revision: number): string {
  const template = `${origin}/api/v1/tiles/${layer}/{z}/{x}/{y}.mvt`
  return revision ? `${template}?rev=${revision}` : template
}

export function TileSource({ layer, children }: { layer: TileLayerName; children?: ReactNode }) {
  const { data: revision } = useQuery(layerRevisionQuery(layer))
  const { minzoom, maxzoom } = TILE_LAYERS[layer]
  return (
    <Source
      id={layer}
      type="vector"
      tiles={[tileUrl(window.location.origin, layer, revision)]}
      minzoom={minzoom}
      maxzoom={maxzoom}
    >
      {children}
    </Source>
  )
}
