// The one component that owns a maplibre map: it creates it in its container with the base style (paper and
// glyphs), hands it through context to the <Source>s, <Layer>s and other components inside it once the style has
// loaded, follows a position given from outside (Back, a pasted link), reports moves and clicks, and offers a small
// handle (fit, zoom, read the view) to the page around it. Every other imperative map call is in the components
// beside this file; the rest of the app never imports maplibre-gl.
import { type MapGeoJSONFeature, Map as MaplibreMap, ScaleControl, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { type ReactNode, type RefObject, useEffect, useImperativeHandle, useRef, useState } from 'react'
import { createBaseStyle, localIdeographFontFamily } from './base-style.ts'
import { defaultFit, type FitOptions, type FitPadding, fitBounds, lngLatBounds } from './fit-bounds.tsx'
import type { Bounds } from './geojson-bounds.ts'
import { MapContext } from './map-context.ts'
import type { MapPosition } from './map-position.ts'

declare global {
  interface Window {
    /** The live main map, for browser tests (`queryRenderedFeatures({ layers: ['compounds-fill'] })`). */
    __atlasMap?: MaplibreMap
    /** The import preview map, for browser tests (`queryRenderedFeatures({ layers: ['import-preview-fill'] })`). */
    __importPreviewMap?: MaplibreMap
  }
}

// The worker is bundled as an asset of this app; maplibre's default would look for it beside the bundle chunk.
setWorkerUrl(workerUrl)

/** Where a map opens without a position: Jinjiang District, Chengdu. */
const defaultCenter: [number, number] = [104.1, 30.63]

/** What the page around a map may do with it. */
export interface MapHandle {
  fitBounds(bounds: Bounds, options?: FitOptions): void
  /** The extent in view, [west, south, east, north]: the export dialog's "current map view". */
  getBounds(): Bounds
  getPosition(): MapPosition
  zoomIn(): void
  zoomOut(): void
}

/** A feature under a click, as the app reads it. */
export interface MapFeature {
  id: string | number | undefined
  properties: Record<string, unknown>
}

export interface AtlasMapProps {
  ariaLabel: string
  /** Where to open (read once): a position, or an extent to fit. */
  initialPosition?: MapPosition | undefined
  initialBounds?: Bounds | undefined
  /**
   * The room the page's panels take over the map's sides, asked at each fit (the opening extent, and a fit through
   * the handle that names no padding), so that what is fitted lands in the open part of the map.
   */
  fitPadding?: () => FitPadding
  /** A position given from outside after opening (Back, a pasted link): the map jumps there if it is elsewhere. */
  position?: MapPosition | undefined
  onMoveEnd?: (position: MapPosition) => void
  /** Layers a click reports features of; the pointer shows a hand over them. */
  interactiveLayerIds?: readonly string[]
  onClick?: (features: MapFeature[]) => void
  /** The window property browser tests find this map under. */
  exposeAs?: '__atlasMap' | '__importPreviewMap'
  handleRef?: RefObject<MapHandle | null>
  className?: string
  testId?: string
  /** `data-*` attributes of the map's container (`{ 'preview-ready': 'true' }`), for tests and styles. */
  containerData?: Record<string, string | undefined>
  children?: ReactNode
}

function positionOf(map: MaplibreMap): MapPosition {
  const center = map.getCenter()
  return { zoom: map.getZoom(), center: [center.lng, center.lat] }
}

/** The URL keeps 2 decimals of zoom and 5 of degrees: a position that rounds to where the map is, is where it is. */
function samePosition(a: MapPosition, b: MapPosition): boolean {
  return (
    Math.abs(a.zoom - b.zoom) < 0.01 &&
    Math.abs(a.center[0] - b.center[0]) < 1e-5 &&
    Math.abs(a.center[1] - b.center[1]) < 1e-5
  )
}

export function AtlasMap(props: AtlasMapProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<MaplibreMap | null>(null)
  // The last position this map reported: the same position coming back as a prop is its own echo, not a request.
  const reportedRef = useRef<MapPosition | undefined>(undefined)
  // The map is created once; it reads the latest callbacks and first view through this ref.
  const propsRef = useRef(props)
  useEffect(() => {
    propsRef.current = props
  })

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const { initialPosition: position, initialBounds: bounds, exposeAs } = propsRef.current
    const instance = new MaplibreMap({
      container,
      style: createBaseStyle(window.location.origin),
      center: position?.center ?? defaultCenter,
      zoom: position?.zoom ?? 11,
      ...(bounds
        ? {
            bounds: lngLatBounds(bounds),
            fitBoundsOptions: {
              padding: propsRef.current.fitPadding?.() ?? defaultFit.padding,
              maxZoom: defaultFit.maxZoom,
            },
          }
        : {}),
      localIdeographFontFamily,
      // The data set is the office's own and the style has no third-party source to credit.
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    instance.touchZoomRotate.disableRotation()
    instance.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right')
    instance.getCanvas().setAttribute('aria-label', propsRef.current.ariaLabel)
    instance.on('click', (event) => {
      const { interactiveLayerIds, onClick } = propsRef.current
      if (!onClick || !interactiveLayerIds) return
      const layers = interactiveLayerIds.filter((id) => instance.getLayer(id))
      const hits: MapGeoJSONFeature[] = layers.length
        ? instance.queryRenderedFeatures(event.point, { layers })
        : []
      onClick(hits.map((hit) => ({ id: hit.id, properties: hit.properties })))
    })
    instance.on('mousemove', (event) => {
      const layers = (propsRef.current.interactiveLayerIds ?? []).filter((id) => instance.getLayer(id))
      const over = layers.length > 0 && instance.queryRenderedFeatures(event.point, { layers }).length > 0
      instance.getCanvas().style.cursor = over ? 'pointer' : ''
    })
    const report = () => {
      reportedRef.current = positionOf(instance)
      propsRef.current.onMoveEnd?.(reportedRef.current)
    }
    instance.on('moveend', report)
    instance.once('load', () => {
      // Opening on an extent moves nothing, yet the view it gives belongs in the URL.
      if (bounds) report()
      setMap(instance)
    })
    if (exposeAs) window[exposeAs] = instance
    return () => {
      setMap(null)
      if (exposeAs && window[exposeAs] === instance) delete window[exposeAs]
      instance.remove()
    }
  }, [])

  useImperativeHandle<MapHandle | null, MapHandle | null>(
    props.handleRef,
    () =>
      map && {
        fitBounds: (bounds, options) =>
          fitBounds(map, bounds, { padding: propsRef.current.fitPadding?.(), ...options }),
        getBounds: () => {
          const b = map.getBounds()
          return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        },
        getPosition: () => positionOf(map),
        zoomIn: () => {
          map.zoomIn()
        },
        zoomOut: () => {
          map.zoomOut()
        },
      },
    [map],
  )

  const { ariaLabel, position } = props
  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', ariaLabel)
  }, [map, ariaLabel])

  useEffect(() => {
    if (!map || !position || map.isMoving()) return
    const echo = reportedRef.current !== undefined && samePosition(position, reportedRef.current)
    if (!echo && !samePosition(position, positionOf(map))) {
      map.jumpTo({ center: position.center, zoom: position.zoom })
    }
  }, [map, position])

  return (
    <>
      <div
        ref={containerRef}
        className={props.className}
        data-testid={props.testId}
        {...Object.fromEntries(Object.entries(props.containerData ?? {}).map(([k, v]) => [`data-${k}`, v]))}
      />
      {map && <MapContext value={map}>{props.children}</MapContext>}
    </>
  )
}
