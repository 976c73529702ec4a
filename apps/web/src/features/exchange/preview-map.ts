// The import check's preview map: the app's base style with the checked features on top, coloured valid green,
// warning amber and invalid red, fitted to them. Every maplibre call of the preview goes through this class.

import type { Feature, Geometry, GeometryCollection } from 'geojson'
import {
  type ExpressionSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MaplibreMap,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { createBaseStyle, layerIds, localIdeographFontFamily } from '../../map/base-style.ts'
import { facilityIconResolver } from '../../map/facility-icons.ts'
import { type Bounds, boundsOf } from '../../map/geojson-bounds.ts'

declare global {
  interface Window {
    /** The import preview map, for browser tests (`queryRenderedFeatures({ layers: ['import-preview-fill'] })`). */
    __importPreviewMap?: MaplibreMap
  }
}

setWorkerUrl(workerUrl)

export const previewColours = { valid: '#2a7a3b', warning: '#c98a00', invalid: '#a4161a' } as const

const sourceId = 'import-preview'
export const previewLayerIds = {
  fill: 'import-preview-fill',
  line: 'import-preview-line',
  point: 'import-preview-point',
} as const

/** A preview feature as drawn: `n` is its place in the file, `status` its check result. */
export type PreviewFeature = Feature<
  Exclude<Geometry, GeometryCollection>,
  { n: number; status: string; code?: string | null; name?: string | null }
>

/** The features of the report's preview that can be drawn; those without geometry are only listed. */
export function drawableFeatures(features: readonly unknown[]): PreviewFeature[] {
  return features.filter((f): f is PreviewFeature => {
    const feature = f as Partial<PreviewFeature> | null
    return (
      feature?.type === 'Feature' &&
      typeof feature.properties?.n === 'number' &&
      Array.isArray(feature.geometry?.coordinates)
    )
  })
}

const statusColour: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'valid',
  previewColours.valid,
  'warning',
  previewColours.warning,
  previewColours.invalid,
]

function lngLatBounds([west, south, east, north]: Bounds): LngLatBoundsLike {
  return [
    [west, south],
    [east, north],
  ]
}

export class PreviewMap {
  readonly #map: MaplibreMap
  readonly #loaded: Promise<void>
  #features: PreviewFeature[] = []
  #destroyed = false

  constructor(container: HTMLElement, ariaLabel: string) {
    this.#map = new MaplibreMap({
      container,
      style: createBaseStyle(window.location.origin),
      center: [104.1, 30.63],
      zoom: 12,
      localIdeographFontFamily,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    this.#map.touchZoomRotate.disableRotation()
    this.#map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right')
    this.#map.getCanvas().setAttribute('aria-label', ariaLabel)
    this.#map.setMissingStyleImageResolver(facilityIconResolver(this.#map))
    this.#loaded = new Promise((resolve) =>
      this.#map.once('load', () => {
        // The compounds' status colours would hide the check colours: they fade to a backdrop here.
        this.#map.setPaintProperty(layerIds.compoundsFill, 'fill-opacity', 0.2)
        this.#addLayers()
        resolve()
      }),
    )
    window.__importPreviewMap = this.#map
  }

  /** Draw the features and fit the view to them; `container.dataset.previewReady` once drawn. */
  async show(features: PreviewFeature[]): Promise<void> {
    await this.#loaded
    if (this.#destroyed) return
    const container = this.#map.getContainer()
    delete container.dataset.previewReady
    this.#features = features
    this.#map.getSource<GeoJSONSource>(sourceId)?.setData({ type: 'FeatureCollection', features })
    const bounds = boundsOf(features)
    if (bounds) this.#map.fitBounds(lngLatBounds(bounds), { padding: 30, animate: false, maxZoom: 18 })
    this.#map.once('idle', () => {
      if (!this.#destroyed) container.dataset.previewReady = 'true'
    })
    this.#map.triggerRepaint()
  }

  /** Fly to the feature at place `n` of the file, when it has a geometry. */
  focus(n: number): void {
    const feature = this.#features.find((f) => f.properties.n === n)
    const bounds = feature && boundsOf([feature])
    if (bounds) this.#map.fitBounds(lngLatBounds(bounds), { padding: 60, maxZoom: 19 })
  }

  destroy(): void {
    this.#destroyed = true
    if (window.__importPreviewMap === this.#map) delete window.__importPreviewMap
    this.#map.remove()
  }

  #addLayers(): void {
    this.#map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
    this.#map.addLayer({
      id: previewLayerIds.fill,
      type: 'fill',
      source: sourceId,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': statusColour, 'fill-opacity': 0.6 },
    })
    this.#map.addLayer({
      id: previewLayerIds.line,
      type: 'line',
      source: sourceId,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': statusColour, 'line-width': 2.5 },
    })
    this.#map.addLayer({
      id: previewLayerIds.point,
      type: 'circle',
      source: sourceId,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': statusColour,
        'circle-radius': 7,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    })
  }
}
