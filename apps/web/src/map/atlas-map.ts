// The one wrapper around maplibre-gl: every imperative map call of the app goes through this class.
import {
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MaplibreMap,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { AtlasLayers } from '../api/layers.schema.ts'
import { createBaseStyle, layerIds, noSelectionFilter, sourceIds } from './base-style.ts'
import { type Bounds, boundsOf } from './geojson-bounds.ts'

declare global {
  interface Window {
    /** The live map, for browser tests (`queryRenderedFeatures({ layers: ['compounds-fill'] })`). */
    __atlasMap?: MaplibreMap
  }
}

// The worker is bundled as an asset of this app; maplibre's default would look for it beside the bundle chunk.
setWorkerUrl(workerUrl)

/** Where the map opens before the district arrives: Jinjiang District, Chengdu. */
const initialCenter: [number, number] = [104.1, 30.63]
const fitPadding = 40

export interface AtlasMapOptions {
  ariaLabel: string
  /** Called with the clicked compound's id, or null for a click beside every compound. */
  onCompoundClick: (compoundId: number | null) => void
}

export class AtlasMap {
  readonly #map: MaplibreMap
  readonly #loaded: Promise<void>
  #districtBounds: Bounds | undefined
  #destroyed = false

  constructor(container: HTMLElement, options: AtlasMapOptions) {
    this.#map = new MaplibreMap({
      container,
      style: createBaseStyle(),
      center: initialCenter,
      zoom: 11,
      // The data set is the office's own and the style has no third-party source to credit.
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    this.#map.touchZoomRotate.disableRotation()
    this.#map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right')
    this.setAriaLabel(options.ariaLabel)
    this.#loaded = new Promise((resolve) => this.#map.once('load', () => resolve()))

    this.#map.on('click', (event) => {
      const [hit] = this.#map.queryRenderedFeatures(event.point, { layers: [layerIds.compoundsFill] })
      options.onCompoundClick(typeof hit?.id === 'number' ? hit.id : null)
    })
    this.#map.on('mouseenter', layerIds.compoundsFill, () => {
      this.#map.getCanvas().style.cursor = 'pointer'
    })
    this.#map.on('mouseleave', layerIds.compoundsFill, () => {
      this.#map.getCanvas().style.cursor = ''
    })

    window.__atlasMap = this.#map
  }

  /** Draw the layers, fit the view to the district and, once drawn, mark the page ready for tests. */
  async setLayers(layers: AtlasLayers): Promise<void> {
    await this.#loaded
    if (this.#destroyed) return
    delete document.documentElement.dataset.mapReady
    this.#source(sourceIds.district).setData(layers.district)
    this.#source(sourceIds.streets).setData(layers.streets)
    this.#source(sourceIds.communities).setData(layers.communities)
    this.#source(sourceIds.compounds).setData(layers.compounds)
    this.#districtBounds = boundsOf(layers.district.features) ?? boundsOf(layers.compounds.features)
    this.fitDistrict(false)
    this.#markReadyWhenDrawn()
  }

  setSelectedCompound(compoundId: number | null): void {
    if (!this.#map.getLayer(layerIds.compoundsSelected)) return
    this.#map.setFilter(
      layerIds.compoundsSelected,
      compoundId === null ? noSelectionFilter : ['==', ['id'], compoundId],
    )
  }

  setAriaLabel(label: string): void {
    this.#map.getCanvas().setAttribute('aria-label', label)
  }

  zoomIn(): void {
    this.#map.zoomIn()
  }

  zoomOut(): void {
    this.#map.zoomOut()
  }

  fitDistrict(animate = true): void {
    if (!this.#districtBounds) return
    const [west, south, east, north] = this.#districtBounds
    const bounds: LngLatBoundsLike = [
      [west, south],
      [east, north],
    ]
    this.#map.fitBounds(bounds, { padding: fitPadding, animate })
  }

  destroy(): void {
    this.#destroyed = true
    if (window.__atlasMap === this.#map) delete window.__atlasMap
    delete document.documentElement.dataset.mapReady
    this.#map.remove()
  }

  #source(id: string): GeoJSONSource {
    const source = this.#map.getSource<GeoJSONSource>(id)
    if (!source) throw new Error(`The base style has no source "${id}"`)
    return source
  }

  #markReadyWhenDrawn(): void {
    const sources = Object.values(sourceIds)
    const onIdle = () => {
      // setData is processed in a worker; an idle that comes before every source is loaded is not the one.
      if (this.#destroyed || !sources.every((id) => this.#map.isSourceLoaded(id))) return
      this.#map.off('idle', onIdle)
      document.documentElement.dataset.mapReady = 'true'
    }
    this.#map.on('idle', onIdle)
    this.#map.triggerRepaint()
  }
}
