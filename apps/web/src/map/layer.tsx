// A map layer as a component, after react-maplibre's <Layer>: it adds itself (to the source of the enclosing
// <Source>, or the one it names), keeps its previous props and on a change calls only the map method for what
// changed — setPaintProperty, setLayoutProperty, setFilter, setLayerZoomRange, moveLayer — and removes itself when
// unmounted. A layer goes into its `slot` of the map's stacking order (layer-slots.ts), whenever it is mounted;
// `beforeId` names a layer to go under instead.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  MapLayerMouseEvent,
  Map as MaplibreMap,
} from 'maplibre-gl'
import { useContext, useEffect, useRef } from 'react'
import { deepEqual } from './deep-equal.ts'
import { type LayerSlot, slotAnchorId } from './layer-slots.ts'
import { SourceContext, useMap } from './map-context.ts'

/** A style expression, for layer components outside this folder (which never import maplibre-gl). */
export type StyleExpression = ExpressionSpecification

type SourcedLayer = Extract<LayerSpecification, { source: unknown }>
type WithoutSource<L> = L extends SourcedLayer ? Omit<L, 'source'> : never

export type LayerProps = WithoutSource<SourcedLayer> & {
  /** The source to draw from; the enclosing <Source>'s when left out. */
  source?: string
  /** Where in the stacking order the layer goes (layer-slots.ts); on top of everything when left out. */
  slot?: LayerSlot
  /** The layer to go under, instead of the slot's place. */
  beforeId?: string
  onMouseMove?: (event: MapLayerMouseEvent) => void
  onMouseEnter?: (event: MapLayerMouseEvent) => void
  onMouseLeave?: (event: MapLayerMouseEvent) => void
}

type StyleValues = Record<string, unknown> | undefined
type LayoutKey = Parameters<MaplibreMap['setLayoutProperty']>[1]
type LayoutValue = Parameters<MaplibreMap['setLayoutProperty']>[2]
type PaintKey = Parameters<MaplibreMap['setPaintProperty']>[1]
type PaintValue = Parameters<MaplibreMap['setPaintProperty']>[2]

function changedKeys(next: StyleValues, prev: StyleValues): string[] {
  if (next === prev) return []
  const keys = new Set([...Object.keys(next ?? {}), ...Object.keys(prev ?? {})])
  return [...keys].filter((key) => !deepEqual(next?.[key], prev?.[key]))
}

/** Call the map for what differs between two sets of props of one layer, and for nothing else. */
export function updateLayer(map: MaplibreMap, props: LayerProps, prev: LayerProps): void {
  const { id } = props
  const layout = props.layout as StyleValues
  const paint = props.paint as StyleValues
  for (const key of changedKeys(layout, prev.layout as StyleValues)) {
    map.setLayoutProperty(id, key as LayoutKey, layout?.[key] as LayoutValue)
  }
  for (const key of changedKeys(paint, prev.paint as StyleValues)) {
    map.setPaintProperty(id, key as PaintKey, paint?.[key] as PaintValue)
  }
  if (!deepEqual(props.filter, prev.filter)) {
    map.setFilter(id, (props.filter ?? null) as FilterSpecification | null)
  }
  if (props.minzoom !== prev.minzoom || props.maxzoom !== prev.maxzoom) {
    map.setLayerZoomRange(id, props.minzoom ?? 0, props.maxzoom ?? 24)
  }
  if (props.beforeId !== prev.beforeId || props.slot !== prev.slot) {
    const under = props.beforeId ?? (props.slot ? slotAnchorId(props.slot) : undefined)
    map.moveLayer(id, under && map.getLayer(under) ? under : undefined)
  }
}

const mouseEvents = ['mousemove', 'mouseenter', 'mouseleave'] as const
const handlerOf = {
  mousemove: 'onMouseMove',
  mouseenter: 'onMouseEnter',
  mouseleave: 'onMouseLeave',
} as const

export function Layer(props: LayerProps) {
  const map = useMap()
  const contextSource = useContext(SourceContext)
  const source = props.source ?? contextSource
  const { id } = props
  const propsRef = useRef(props)
  useEffect(() => {
    propsRef.current = props
  })
  const prevRef = useRef(props)

  useEffect(() => {
    if (source === null)
      throw new Error(`<Layer id="${id}"> needs a source: put it in a <Source> or name one`)
    const {
      source: _source,
      slot,
      beforeId,
      onMouseMove: _move,
      onMouseEnter: _enter,
      onMouseLeave: _leave,
      ...spec
    } = propsRef.current
    const under = beforeId ?? (slot ? slotAnchorId(slot) : undefined)
    map.addLayer({ ...spec, source } as LayerSpecification, under && map.getLayer(under) ? under : undefined)
    prevRef.current = propsRef.current
    // The latest handlers are read when an event comes, so a new closure each render re-registers nothing.
    const listeners = mouseEvents.map((type) => {
      const listener = (event: MapLayerMouseEvent) => propsRef.current[handlerOf[type]]?.(event)
      map.on(type, id, listener)
      return () => map.off(type, id, listener)
    })
    return () => {
      for (const off of listeners) off()
      if (!map._removed && map.getLayer(id)) map.removeLayer(id)
    }
  }, [map, id, source])

  useEffect(() => {
    updateLayer(map, props, prevRef.current)
    prevRef.current = props
  })

  return null
}
