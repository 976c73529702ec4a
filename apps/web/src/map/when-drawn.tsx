// Tells the page when the map has drawn: once it is idle with every named source loaded (tiles and setData load in
// workers; an idle before they have is not the one). A new `version` (new data drawn) waits again.
import { useEffect, useRef } from 'react'
import { useMap } from './map-context.ts'

export interface WhenDrawnProps {
  sources: readonly string[]
  onDrawn: () => void
  version?: unknown
}

export function WhenDrawn({ sources, onDrawn, version }: WhenDrawnProps) {
  const map = useMap()
  const onDrawnRef = useRef(onDrawn)
  useEffect(() => {
    onDrawnRef.current = onDrawn
  })
  const key = sources.join(',')
  useEffect(() => {
    void version
    const ids = key.split(',')
    const onIdle = () => {
      if (!ids.every((id) => map.getSource(id) && map.isSourceLoaded(id))) return
      map.off('idle', onIdle)
      onDrawnRef.current()
    }
    map.on('idle', onIdle)
    map.triggerRepaint()
    return () => {
      map.off('idle', onIdle)
    }
  }, [map, key, version])
  return null
}
