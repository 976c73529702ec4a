// The one wrapper around maplibre-gl: every imperative map call of the app goes through this class.
import type { CoverageRow, DeadEndCollection, TileLayerName } from '@renewal-atlas/domain'
import {
  type ExpressionSpecification,
  type FilterSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MaplibreMap,
  ScaleControl,
  setWorkerUrl,
  type VectorTileSource,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { AtlasAreas } from '../api/layers.schema.ts'
import {
  compoundLayerIds,
  createBaseStyle,
  invalidateTileUrls,
  layerIds,
  localIdeographFontFamily,
  noSelectionFilter,
  sourceIds,
  tileSourceIds,
  tileUrl,
} from './base-style.ts'
import {
  type CompoundThemeId,
  classFillColour,
  compoundThemeClasses,
  coverageFillColour,
  type ThemeId,
} from './compound-classes.ts'
import { type CompoundFilters, compoundFilterExpression } from './compound-filter.ts'
import { facilityIconResolver } from './facility-icons.ts'
import { type Bounds, boundsOf } from './geojson-bounds.ts'
import { labelPoint } from './label-points.ts'
import type { MapPosition } from './url-state.ts'

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
/** Close enough to read a compound's buildings, not so close that its surroundings vanish. */
const maxFlyZoom = 17

export interface RoadHover {
  /** Pixel position in the map container. */
  x: number
  y: number
  name: string | null
  roadClass: string | null
  redLineWidthM: number | null
  carriagewayWidthM: number | null
}

export interface AtlasMapOptions {
  ariaLabel: string
  /** Where to open; without it the map fits the district once the areas arrive. */
  initialPosition?: MapPosition | undefined
  /** An extent to open on instead (a street, a community or a compound chosen on the dashboard). */
  initialBounds?: Bounds | undefined
  /** Called with the clicked compound's id, or null for a click beside every compound. */
  onCompoundClick: (compoundId: number | null) => void
  onRoadHover: (road: RoadHover | null) => void
  onMoveEnd: (position: MapPosition) => void
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

export class AtlasMap {
  readonly #map: MaplibreMap
  readonly #loaded: Promise<void>
  readonly #fitOnAreas: boolean
  #districtBounds: Bounds | undefined
  #destroyed = false

  constructor(container: HTMLElement, options: AtlasMapOptions) {
    const position = options.initialPosition
    const bounds = options.initialBounds
    this.#map = new MaplibreMap({
      container,
      style: createBaseStyle(window.location.origin),
      center: position?.center ?? initialCenter,
      zoom: position?.zoom ?? 11,
      ...(bounds
        ? {
            bounds: [
              [bounds[0], bounds[1]],
              [bounds[2], bounds[3]],
            ] as LngLatBoundsLike,
            fitBoundsOptions: { padding: fitPadding, maxZoom: maxFlyZoom },
          }
        : {}),
      localIdeographFontFamily,
      // The data set is the office's own and the style has no third-party source to credit.
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    this.#fitOnAreas = position === undefined && bounds === undefined
    this.#map.touchZoomRotate.disableRotation()
    this.#map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right')
    this.setAriaLabel(options.ariaLabel)
    this.#loaded = new Promise((resolve) => this.#map.once('load', () => resolve()))
    // Icons are drawn when a tile first needs them: added on `load` they came after the first tiles asked.
    this.#map.setMissingStyleImageResolver(facilityIconResolver(this.#map))

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
    this.#map.on('mousemove', layerIds.roadsLine, (event) => {
      const properties = event.features?.[0]?.properties ?? {}
      options.onRoadHover({
        x: event.point.x,
        y: event.point.y,
        name: stringOrNull(properties.name),
        roadClass: stringOrNull(properties.roadClass),
        redLineWidthM: numberOrNull(properties.redLineWidthM),
        carriagewayWidthM: numberOrNull(properties.carriagewayWidthM),
      })
    })
    this.#map.on('mouseleave', layerIds.roadsLine, () => options.onRoadHover(null))
    this.#map.on('moveend', () => options.onMoveEnd(this.getPosition()))
    // Opening on an extent moves nothing, yet the view it gives belongs in the URL.
    if (bounds) this.#map.once('load', () => options.onMoveEnd(this.getPosition()))

    window.__atlasMap = this.#map
  }

  /** Place the area labels, fit the view to the district (unless the URL said where) and mark the page ready. */
  async setAreas(areas: AtlasAreas): Promise<void> {
    await this.#loaded
    if (this.#destroyed) return
    delete document.documentElement.dataset.mapReady
    const labels = [
      ...areas.district.features.map((f) => ({
        kind: 'district',
        name: f.properties.name,
        geometry: f.geometry,
      })),
      ...areas.streets.features.map((f) => ({
        kind: 'street',
        name: f.properties.name,
        geometry: f.geometry,
      })),
      ...areas.communities.features.map((f) => ({
        kind: 'community',
        name: f.properties.name,
        geometry: f.geometry,
      })),
    ].flatMap(({ kind, name, geometry }) => {
      const point = labelPoint(geometry)
      return point
        ? [
            {
              type: 'Feature' as const,
              properties: { kind, name },
              geometry: { type: 'Point' as const, coordinates: point },
            },
          ]
        : []
    })
    this.#geojson(sourceIds.areaLabels).setData({ type: 'FeatureCollection', features: labels })
    this.#districtBounds = boundsOf(areas.district.features)
    if (this.#fitOnAreas) this.fitDistrict(false)
    this.#markReadyWhenDrawn()
  }

  async setDeadEnds(deadEnds: DeadEndCollection): Promise<void> {
    await this.#loaded
    if (this.#destroyed) return
    this.#geojson(sourceIds.deadEnds).setData(deadEnds)
  }

  /** Colour the compounds (or the coverage choropleth) by a theme built from its class table. */
  async setTheme(theme: ThemeId, coverage: readonly CoverageRow[] = []): Promise<void> {
    await this.#loaded
    if (this.#destroyed) return
    const coverageLayer =
      theme === 'coverage-street'
        ? layerIds.coverageStreets
        : theme === 'coverage-community'
          ? layerIds.coverageCommunities
          : null
    for (const id of [layerIds.coverageStreets, layerIds.coverageCommunities]) {
      this.#map.setLayoutProperty(id, 'visibility', id === coverageLayer ? 'visible' : 'none')
    }
    if (coverageLayer) {
      this.#map.setPaintProperty(coverageLayer, 'fill-color', coverageFillColour(coverage))
      // Over a choropleth the compounds stay as light outlines, so the areas' colours read.
      this.#map.setPaintProperty(layerIds.compoundsFill, 'fill-color', '#ffffff')
      this.#map.setPaintProperty(layerIds.compoundsFill, 'fill-opacity', 0.35)
      return
    }
    const classes = compoundThemeClasses[theme as CompoundThemeId]
    this.#map.setPaintProperty(layerIds.compoundsFill, 'fill-color', classFillColour(classes))
    this.#map.setPaintProperty(layerIds.compoundsFill, 'fill-opacity', 0.85)
  }

  /** Show only the compounds that pass the filters, at once (a style filter, no new tiles). */
  async setCompoundFilters(filters: CompoundFilters): Promise<void> {
    await this.#loaded
    if (this.#destroyed) return
    const expression = compoundFilterExpression(filters)
    for (const id of compoundLayerIds) {
      this.#map.setFilter(id, expression as FilterSpecification | null)
    }
  }

  /**
   * Fetch the compound tiles again after an edit, a delete or an undelete. The browser may keep tiles for a
   * minute (Cache-Control), so the template gains a new revision (see invalidateTileUrls).
   */
  reloadCompoundTiles(): void {
    invalidateTileUrls()
    for (const id of ['compounds', 'compound-labels'] as const satisfies readonly TileLayerName[]) {
      const source = this.#map.getSource<VectorTileSource>(id)
      source?.setTiles([tileUrl(window.location.origin, id)])
    }
  }

  setSelectedCompound(compoundId: number | null): void {
    if (!this.#map.getLayer(layerIds.compoundsSelected)) return
    const filter: ExpressionSpecification | FilterSpecification =
      compoundId === null ? noSelectionFilter : ['==', ['id'], compoundId]
    this.#map.setFilter(layerIds.compoundsSelected, filter as FilterSpecification)
  }

  setAriaLabel(label: string): void {
    this.#map.getCanvas().setAttribute('aria-label', label)
  }

  getPosition(): MapPosition {
    const center = this.#map.getCenter()
    return { zoom: this.#map.getZoom(), center: [center.lng, center.lat] }
  }

  /** The extent in view, [west, south, east, north]: the export dialog's "current map view". */
  getBounds(): Bounds {
    const bounds = this.#map.getBounds()
    return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
  }

  zoomIn(): void {
    this.#map.zoomIn()
  }

  zoomOut(): void {
    this.#map.zoomOut()
  }

  fitBounds(bounds: Bounds, animate = true): void {
    const [west, south, east, north] = bounds
    const box: LngLatBoundsLike = [
      [west, south],
      [east, north],
    ]
    this.#map.fitBounds(box, { padding: fitPadding, animate, maxZoom: maxFlyZoom })
  }

  fitDistrict(animate = true): void {
    if (this.#districtBounds) this.fitBounds(this.#districtBounds, animate)
  }

  destroy(): void {
    this.#destroyed = true
    if (window.__atlasMap === this.#map) delete window.__atlasMap
    delete document.documentElement.dataset.mapReady
    this.#map.remove()
  }

  #geojson(id: string): GeoJSONSource {
    const source = this.#map.getSource<GeoJSONSource>(id)
    if (!source) throw new Error(`The base style has no source "${id}"`)
    return source
  }

  #markReadyWhenDrawn(): void {
    const sources = [...tileSourceIds, sourceIds.areaLabels]
    const onIdle = () => {
      // Tiles and setData load in workers; an idle that comes before every source is loaded is not the one.
      if (this.#destroyed || !sources.every((id) => this.#map.isSourceLoaded(id))) return
      this.#map.off('idle', onIdle)
      document.documentElement.dataset.mapReady = 'true'
    }
    this.#map.on('idle', onIdle)
    this.#map.triggerRepaint()
  }
}
