// The map page: the map with its filter panel, legend, status overlays and the chosen compound's panel.
// Its counts are asked only while it is shown.
import { type RefObject, useCallback, useMemo, useState } from 'react'
import { fetchCompoundsBounds } from '../../api/compounds.api.ts'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import type { AtlasMap } from '../../map/atlas-map.ts'
import type { ThemeId } from '../../map/compound-classes.ts'
import { type CompoundFilters, hasFilters } from '../../map/compound-filter.ts'
import type { Bounds } from '../../map/geojson-bounds.ts'
import { MapView } from '../../map/map-view.tsx'
import type { MapPosition } from '../../map/url-state.ts'
import type { AreasState } from '../atlas-data/use-areas.ts'
import type { CommunityOption } from '../compound-panel/compound-fields.ts'
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
  /** A compound was edited, restored or deleted: counts elsewhere (the header's) are stale. */
  onDataChanged: () => void
}

export function MapWorkspace(props: MapWorkspaceProps) {
  const { areasState, theme, filters, selectedCompoundId, atlasMapRef } = props
  const areas: AtlasAreas | null = areasState.status === 'ready' ? areasState.areas : null
  const [zooming, setZooming] = useState(false)
  // Bumped by every write, so the legend's counts are asked again.
  const [revision, setRevision] = useState(0)
  const counts = useCompoundCounts(theme, filters, revision)
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
  const { onDataChanged } = props
  const compoundChanged = useCallback(() => {
    atlasMapRef.current?.reloadCompoundTiles()
    setRevision((n) => n + 1)
    onDataChanged()
  }, [atlasMapRef, onDataChanged])
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
        <CompoundPanel
          compoundId={selectedCompoundId}
          onClose={() => props.onSelectCompound(null)}
          communities={communities}
          onChanged={compoundChanged}
        />
      )}
    </>
  )
}
