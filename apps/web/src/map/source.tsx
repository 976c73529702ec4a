// A map source as a component, after react-maplibre's <Source>: it adds itself to the map, and on a change of props
// calls only what changed (setData for GeoJSON, setTiles for vector tiles); the layers inside it draw from it. The
// same source may be declared by several layer components (the compounds fill and the selection both draw the
// compounds): it is added by the first and removed, with any layer still on it, after the last.
import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, Map as MaplibreMap, SourceSpecification, VectorTileSource } from 'maplibre-gl'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { deepEqual } from './deep-equal.ts'
import { SourceContext, useMap } from './map-context.ts'

export type SourceProps = (
  | { type: 'vector'; tiles: string[]; minzoom?: number; maxzoom?: number }
  | { type: 'geojson'; data: FeatureCollection }
) & { id: string; children?: ReactNode }

/** How many mounted <Source>s declare each source of a map. */
const declared = new WeakMap<MaplibreMap, Map<string, number>>()

function specOf(props: SourceProps): SourceSpecification {
  if (props.type === 'geojson') return { type: 'geojson', data: props.data }
  const { minzoom, maxzoom } = props
  return {
    type: 'vector',
    tiles: props.tiles,
    ...(minzoom !== undefined ? { minzoom } : {}),
    ...(maxzoom !== undefined ? { maxzoom } : {}),
  }
}

function updateSource(map: MaplibreMap, props: SourceProps, prev: SourceProps): void {
  if (props.type === 'geojson' && prev.type === 'geojson') {
    if (props.data !== prev.data) map.getSource<GeoJSONSource>(props.id)?.setData(props.data)
    return
  }
  if (props.type === 'vector' && prev.type === 'vector') {
    const source = map.getSource<VectorTileSource>(props.id)
    // Another declaration of the same source may have set these tiles already.
    if (source && !deepEqual(source.tiles, props.tiles)) source.setTiles(props.tiles)
    if (props.minzoom !== prev.minzoom || props.maxzoom !== prev.maxzoom) {
      console.warn(`<Source id="${props.id}">: a new zoom range needs a new source id`)
    }
    return
  }
  console.warn(`<Source id="${props.id}">: its type cannot change`)
}

export function Source(props: SourceProps) {
  const map = useMap()
  const { id } = props
  const [added, setAdded] = useState(false)
  const propsRef = useRef(props)
  useEffect(() => {
    propsRef.current = props
  })
  const prevRef = useRef(props)

  useEffect(() => {
    const counts = declared.get(map) ?? new Map<string, number>()
    declared.set(map, counts)
    const count = counts.get(id) ?? 0
    if (count === 0) map.addSource(id, specOf(propsRef.current))
    counts.set(id, count + 1)
    prevRef.current = propsRef.current
    setAdded(true)
    return () => {
      const left = (counts.get(id) ?? 1) - 1
      counts.set(id, left)
      if (left > 0 || map._removed) return
      // A parent's cleanup can run before its children's: the layers on this source go first.
      for (const layer of map.getStyle().layers) {
        if ('source' in layer && layer.source === id) map.removeLayer(layer.id)
      }
      map.removeSource(id)
    }
  }, [map, id])

  useEffect(() => {
    if (!added) return
    updateSource(map, props, prevRef.current)
    prevRef.current = props
  })

  return added ? <SourceContext value={id}>{props.children}</SourceContext> : null
}
