// The main map's handle, for the parts of the page outside it that move it or read its view (the header's search,
// the export dialog): the map page fills it while the map is shown.
import { createContext, type RefObject, useContext } from 'react'
import type { MapHandle } from '../map/atlas-map.tsx'

export const MainMapContext = createContext<RefObject<MapHandle | null>>({ current: null })

export function useMainMap(): RefObject<MapHandle | null> {
  return useContext(MainMapContext)
}
