// The map an <AtlasMap> owns, handed to the <Source>, <Layer> and other components inside it; and the source a
// <Source> hands to the layers inside it.
import type { Map as MaplibreMap } from 'maplibre-gl'
import { createContext, useContext } from 'react'

export const MapContext = createContext<MaplibreMap | null>(null)

export const SourceContext = createContext<string | null>(null)

/** The map of the enclosing <AtlasMap>; its style has loaded (children render only then). */
export function useMap(): MaplibreMap {
  const map = useContext(MapContext)
  if (!map) throw new Error('useMap() must be used inside <AtlasMap>')
  return map
}
