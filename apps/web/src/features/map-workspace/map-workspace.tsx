// The map page: the map with its filter panel, legend, status overlays and the chosen compound's panel.
// Its counts are asked only while it is shown.
import { type RefObject, useCallback, useState } from 'react'
import { fetchCompoundsBounds } from '../../api/compounds.api.ts'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import type { AtlasMap } from '../../map/atlas-map.ts'
import type { ThemeId } from '../../map/compound-classes.ts'
import { type CompoundFilters, hasFilters } from '../../map/compound-filter.ts'
import type { Bounds } from '../../map/geojson-bounds.ts'
import { MapView } from '../../map/map-view.tsx'
import type { MapPosition } from '../../map/url-state.ts'
import type { AreasState } from '../atlas-data/use-areas.ts'
import { CompoundPanel } from '../compound-panel/compound-panel.tsx'
import { FilterPanel } from '../filter-panel/filter-panel.tsx'
import { Legend } from '../legend/legend.tsx'
import { useCompoundCounts, useCoverageRows } from '../legend/use-class-counts.ts'
import { LoadError, LoadingIndicator } from '../load-status/load-status.tsx'

export interface MapWorkspaceProps {
  areasState: AreasState
  onRetryAreas: () => void
  theme: ThemeId
  onThemeChange: (theme: ThemeId) => void
  filters: CompoundFilters
  onFiltersChange: (filters: CompoundFilters) => void
  selectedCompoundId: number | null
  onSelectCompound: (compoundId: number | null) => void
  initialPosition: MapPosition | undefined
  initialBounds: Bounds | undefined
  onMoveEnd: (position: MapPosition) => void
  atlasMapRef: RefObject<AtlasMap | null>
}

export function MapWorkspace(props: MapWorkspaceProps) {
  const { areasState, theme, filters, selectedCompoundId, atlasMapRef } = props
  const areas: AtlasAreas | null = areasState.status === 'ready' ? areasState.areas : null
  const [zooming, setZooming] = useState(false)
  const counts = useCompoundCounts(theme, filters)
  const coverageRows = useCoverageRows(theme)

  const zoomToResult = useCallback(() => {
    setZooming(true)
    fetchCompoundsBounds(filters)
      .then((bounds) => {
        if (bounds) atlasMapRef.current?.fitBounds(bounds)
      })
      .catch((error: unknown) => console.error('Zooming to the result failed', error))
      .finally(() => setZooming(false))
  }, [filters, atlasMapRef])

  return (
    <>
      <MapView
        areas={areas}
        theme={theme}
        coverageRows={coverageRows}
        filters={filters}
        selectedCompoundId={selectedCompoundId}
        initialPosition={props.initialPosition}
        initialBounds={props.initialBounds}
        onSelectCompound={props.onSelectCompound}
        onMoveEnd={props.onMoveEnd}
        onMap={(map) => {
          atlasMapRef.current = map
        }}
      />
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
        <CompoundPanel compoundId={selectedCompoundId} onClose={() => props.onSelectCompound(null)} />
      )}
    </>
  )
}
