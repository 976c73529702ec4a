// A source of the platform's own vector tiles for one layer, its URL and zooms as the API's layer list gives them
// (api/layer-revision.ts): the URL carries the layer's revision, so after a write that changes the layer — here or
// by anyone — the map asks for its tiles anew, and only its. Nothing is drawn until the list has arrived.
import type { TileLayerName } from '@renewal-atlas/domain'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { layerListQuery, tileSourceOf } from '../api/layer-revision.ts'
import { Source } from './source.tsx'

/** The absolute tile URL template: maplibre's workers resolve no relative URLs. */
export function tileUrl(origin: string, template: string): string {
  return `${origin}${template}`
}

export function TileSource({ layer, children }: { layer: TileLayerName; children?: ReactNode }) {
  const { data: spec } = useQuery({ ...layerListQuery, select: (list) => tileSourceOf(list, layer) })
  if (!spec) return null
  return (
    <Source
      id={layer}
      type="vector"
      tiles={[tileUrl(window.location.origin, spec.url)]}
      minzoom={spec.minzoom}
      maxzoom={spec.maxzoom}
    >
      {children}
    </Source>
  )
}
