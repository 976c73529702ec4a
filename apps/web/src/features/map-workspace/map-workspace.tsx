// The map page: the map with its layers, filter panel, legend, status overlays and the chosen compound's panel.
// Its counts are asked only while it is shown.
import { type CoverageRow, roadClass } from '@renewal-atlas/domain'
import { useQueryClient } from '@tanstack/react-query'
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { compoundQueries } from '../../api/compounds.queries.ts'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { AtlasMap, type MapHandle } from '../../map/atlas-map.tsx'
import type { ThemeId } from '../../map/compound-classes.ts'
import { type CompoundFilters, hasFilters } from '../../map/compound-filter.ts'
import { FitBounds } from '../../map/fit-bounds.tsx'
import { type Bounds, boundsOf } from '../../map/geojson-bounds.ts'
import { AreaLabelsLayer, areaLabelsSourceId } from '../../map/layers/area-labels-layer.tsx'
import { BoundaryFillLayer } from '../../map/layers/boundary-fill-layer.tsx'
import { BoundaryLinesLayer } from '../../map/layers/boundary-lines-layer.tsx'
import { BuildingsLayer } from '../../map/layers/buildings-layer.tsx'
import { CompoundLabelsLayer } from '../../map/layers/compound-labels-layer.tsx'
import { CompoundsLayer, compoundsFillId } from '../../map/layers/compounds-layer.tsx'
import { CoverageLayer } from '../../map/layers/coverage-layer.tsx'
import { DeadEndsLayer } from '../../map/layers/dead-ends-layer.tsx'
import { FacilitiesLayer } from '../../map/layers/facilities-layer.tsx'
import { RoadLabelsLayer } from '../../map/layers/road-labels-layer.tsx'
import { type RoadHover, RoadsLayer } from '../../map/layers/roads-layer.tsx'
import { SelectionLayer } from '../../map/layers/selection-layer.tsx'
import type { MapPosition } from '../../map/map-position.ts'
import { WhenDrawn } from '../../map/when-drawn.tsx'
import type { AreasState } from '../atlas-data/use-areas.ts'
import type { CommunityOption } from '../compound-panel/compound-fields.ts'
import { CompoundPanel } from '../compound-panel/compound-panel.tsx'
import { FilterPanel } from '../filter-panel/filter-panel.tsx'
import { Legend } from '../legend/legend.tsx'
import { useCompoundCounts, useCoverageRows } from '../legend/use-class-counts.ts'
import { LoadError, LoadingIndicator } from '../load-status/load-status.tsx'
import './map-workspace.css'
import { fitGap, measurePanelPadding } from './panel-padding.ts'

export interface MapWorkspaceProps {
  areasState: AreasState
  onRetryAreas: () => void
  theme: ThemeId
  onThemeChange: (theme: ThemeId) => void
  filters: CompoundFilters
  onFiltersChange: (filters: CompoundFilters) => void
  selectedCompoundId: number | null
  onSelectCompound: (compoundId: number | null) => void
  /** The position in the URL: where the map opens, and where it goes when the URL says so (Back, a pasted link). */
  position: MapPosition | undefined
  /**
   * An extent to show, asked for by a navigation (a search result, a street or a compound opened from the dashboard),
   * with the navigation's key: the map opens on it, or fits to it when it is already open, clear of the panels.
   */
  fitRequest: { bounds: Bounds; key: string } | undefined
  onMoveEnd: (position: MapPosition) => void
  mapRef: RefObject<MapHandle | null>
}

/** Every source whose tiles or data the first view waits for before the page counts as drawn. */
const drawnSources = [
  'district',
  'streets',
  'communities',
  'compounds',
  'compound-labels',
  'buildings',
  'roads',
  'facilities',
  areaLabelsSourceId,
]

/** The theme the map is coloured with: a choropleth waits for its rows, showing the previous theme meanwhile. */
function useShownTheme(theme: ThemeId, coverageRows: CoverageRow[] | null): ThemeId {
  const [shown, setShown] = useState(theme)
  if (coverageRows !== null && shown !== theme) setShown(theme)
  return coverageRows === null ? shown : theme
}

export function MapWorkspace(props: MapWorkspaceProps) {
  const { areasState, theme, filters, selectedCompoundId, mapRef } = props
  const { t, language, formatNumber } = useI18n()
  const client = useQueryClient()
  const areas: AtlasAreas | null = areasState.status === 'ready' ? areasState.areas : null
  const [zooming, setZooming] = useState(false)
  const [road, setRoad] = useState<RoadHover | null>(null)
  const [opened] = useState(() => ({ position: props.position, request: props.fitRequest }))
  const counts = useCompoundCounts(theme, filters)
  const coverageRows = useCoverageRows(theme)
  const shownTheme = useShownTheme(theme, coverageRows)
  const communities = useMemo<CommunityOption[]>(() => {
    const streetNames = new Map(areas?.streets.features.map((f) => [f.properties.code, f.properties.name]))
    return (areas?.communities.features ?? [])
      .map(({ properties: c }) => ({
        code: c.code,
        name: c.name,
        streetCode: c.streetCode,
        streetName: streetNames.get(c.streetCode) ?? c.streetName,
      }))
      .sort(
        (a, b) => a.streetName.localeCompare(b.streetName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'),
      )
  }, [areas])
  const districtBounds = useMemo(() => (areas ? boundsOf(areas.district.features) : undefined), [areas])
  // Without a position or an extent to open on, the map fits the district once its outline arrives.
  const fitDistrict = opened.position === undefined && opened.request === undefined

  // Every fit leaves room for the panels over the map, measured as they stand when it happens.
  const viewRef = useRef<HTMLDivElement>(null)
  const fitPadding = useCallback(() => {
    const view = viewRef.current
    return view?.parentElement ? measurePanelPadding(view, view.parentElement) : fitGap
  }, [])
  // A request made while the map is open is fitted after the render it came with, so that a compound panel it
  // opens is already in place; the request the map opened on was fitted as it was created.
  const { fitRequest } = props
  const handledRequest = useRef(opened.request?.key)
  useEffect(() => {
    if (!fitRequest || fitRequest.key === handledRequest.current || !mapRef.current) return
    handledRequest.current = fitRequest.key
    mapRef.current.fitBounds(fitRequest.bounds)
  })

  // The page counts as drawn (for tests and the benchmark) once the areas are labelled and every tile is in.
  useEffect(() => () => void delete document.documentElement.dataset.mapReady, [])
  const markDrawn = useCallback(() => {
    document.documentElement.dataset.mapReady = 'true'
  }, [])

  const zoomToResult = useCallback(() => {
    setZooming(true)
    client
      .fetchQuery(compoundQueries.bounds(filters))
      .then((bounds) => {
        if (bounds) mapRef.current?.fitBounds(bounds)
      })
      .catch((error: unknown) => console.error('Zooming to the result failed', error))
      .finally(() => setZooming(false))
  }, [client, filters, mapRef])

  const metres = (value: number | null) =>
    value === null ? t('details.unknown') : t('road.metres', { value: formatNumber(value) })
  const { onSelectCompound } = props

  return (
    <>
      <div className="map-view" ref={viewRef}>
        <AtlasMap
          ariaLabel={t('map.title')}
          initialPosition={opened.position}
          initialBounds={opened.request?.bounds}
          fitPadding={fitPadding}
          position={props.position}
          onMoveEnd={props.onMoveEnd}
          interactiveLayerIds={[compoundsFillId]}
          onClick={([hit]) => onSelectCompound(typeof hit?.id === 'number' ? hit.id : null)}
          exposeAs="__atlasMap"
          handleRef={mapRef}
          className="map-view__canvas"
        >
          <BoundaryFillLayer />
          <CoverageLayer theme={shownTheme} rows={coverageRows ?? []} />
          <RoadsLayer onHover={setRoad} />
          <CompoundsLayer theme={shownTheme} filters={filters} />
          <BuildingsLayer filters={filters} />
          <BoundaryLinesLayer />
          <SelectionLayer compoundId={selectedCompoundId} />
          <DeadEndsLayer />
          <FacilitiesLayer />
          <RoadLabelsLayer />
          <CompoundLabelsLayer filters={filters} />
          <AreaLabelsLayer areas={areas} />
          {fitDistrict && <FitBounds bounds={districtBounds} animate={false} />}
          {areas && <WhenDrawn sources={drawnSources} onDrawn={markDrawn} />}
        </AtlasMap>
        {road && (
          <div className="road-tooltip" role="tooltip" style={{ left: road.x + 12, top: road.y + 12 }}>
            <strong>{road.name ?? t('road.unnamed')}</strong>
            <span>
              {t('road.class')}:{' '}
              {road.roadClass
                ? domainLabel(roadClass.labels, road.roadClass, language)
                : t('details.unknown')}
            </span>
            <span>
              {t('road.redLine')}: {metres(road.redLineWidthM)}
            </span>
            <span>
              {t('road.carriageway')}: {metres(road.carriagewayWidthM)}
            </span>
          </div>
        )}
        <div
          className="map-controls"
          data-map-panel
          role="toolbar"
          aria-label={t('map.controls')}
          aria-orientation="vertical"
        >
          <button
            type="button"
            aria-label={t('map.zoomIn')}
            title={t('map.zoomIn')}
            onClick={() => mapRef.current?.zoomIn()}
          >
            <span aria-hidden="true">+</span>
          </button>
          <button
            type="button"
            aria-label={t('map.zoomOut')}
            title={t('map.zoomOut')}
            onClick={() => mapRef.current?.zoomOut()}
          >
            <span aria-hidden="true">−</span>
          </button>
          <button
            type="button"
            aria-label={t('map.fitDistrict')}
            title={t('map.fitDistrict')}
            onClick={() => districtBounds && mapRef.current?.fitBounds(districtBounds)}
            disabled={!areas}
          >
            <span aria-hidden="true">⤢</span>
          </button>
        </div>
      </div>
      {areasState.status === 'loading' && <LoadingIndicator />}
      {areasState.status === 'error' && <LoadError error={areasState.error} onRetry={props.onRetryAreas} />}
      <FilterPanel
        areas={areas}
        filters={filters}
        onChange={props.onFiltersChange}
        matched={counts?.matched ?? null}
        onZoomToResult={zoomToResult}
        zooming={zooming}
      />
      <Legend
        theme={theme}
        onThemeChange={props.onThemeChange}
        counts={counts}
        coverageRows={coverageRows}
        filtered={hasFilters(filters)}
      />
      {selectedCompoundId !== null && (
        <CompoundPanel
          compoundId={selectedCompoundId}
          onClose={() => onSelectCompound(null)}
          communities={communities}
        />
      )}
    </>
  )
}
