// The page: header with search, the map with its filter panel, legend and status overlays, and the chosen
// compound's panel. The view (position, theme, filters, compound, language) lives in the URL hash.
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import { useCallback, useEffect, useRef, useState } from 'react'
import { countCompounds, fetchCompoundsBounds } from './api/compounds.api.ts'
import { useAreas } from './features/atlas-data/use-areas.ts'
import { CompoundPanel } from './features/compound-panel/compound-panel.tsx'
import { FilterPanel } from './features/filter-panel/filter-panel.tsx'
import { AppHeader } from './features/header/app-header.tsx'
import { Legend } from './features/legend/legend.tsx'
import { useCompoundCounts, useCoverageRows } from './features/legend/use-class-counts.ts'
import { LoadError, LoadingIndicator } from './features/load-status/load-status.tsx'
import { useI18n } from './i18n/i18n-context.tsx'
import type { AtlasMap } from './map/atlas-map.ts'
import type { ThemeId } from './map/compound-classes.ts'
import { type CompoundFilters, hasFilters } from './map/compound-filter.ts'
import { MapView } from './map/map-view.tsx'
import { decodeUrlState, encodeUrlState, type MapPosition } from './map/url-state.ts'

function useDistrictTotal(): number | null {
  const [total, setTotal] = useState<number | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    countCompounds({}, { signal: controller.signal }).then(setTotal, (error: unknown) => {
      if (!controller.signal.aborted) console.error('Counting compounds failed', error)
    })
    return () => controller.abort()
  }, [])
  return total
}

export function App() {
  const { language } = useI18n()
  const [initial] = useState(() => decodeUrlState(window.location.hash))
  const { state, retry } = useAreas()
  const areas = state.status === 'ready' ? state.areas : null
  const [theme, setTheme] = useState<ThemeId>(initial.theme)
  const [filters, setFilters] = useState<CompoundFilters>(initial.filters)
  const [selectedCompoundId, setSelectedCompoundId] = useState<number | null>(initial.compoundId ?? null)
  const [zooming, setZooming] = useState(false)
  const atlasMapRef = useRef<AtlasMap | null>(null)
  const positionRef = useRef<MapPosition | undefined>(initial.position)
  const writtenHashRef = useRef<string | null>(null)

  const total = useDistrictTotal()
  const counts = useCompoundCounts(theme, filters)
  const coverageRows = useCoverageRows(theme)

  const writeUrl = useCallback(() => {
    const hash = encodeUrlState({
      ...(positionRef.current ? { position: positionRef.current } : {}),
      theme,
      filters,
      ...(selectedCompoundId !== null ? { compoundId: selectedCompoundId } : {}),
      language,
    })
    writtenHashRef.current = hash
    // replaceState: moving the map should not fill the history with every pan.
    window.history.replaceState(null, '', `#${hash}`)
  }, [theme, filters, selectedCompoundId, language])

  useEffect(() => writeUrl(), [writeUrl])

  // A view pasted into the address bar of an open page changes only the hash; start again from it.
  useEffect(() => {
    const onHashChange = () => {
      if (window.location.hash.replace(/^#/, '') !== writtenHashRef.current) window.location.reload()
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  const onMoveEnd = useCallback(
    (position: MapPosition) => {
      positionRef.current = position
      writeUrl()
    },
    [writeUrl],
  )

  const zoomToResult = useCallback(() => {
    setZooming(true)
    fetchCompoundsBounds(filters)
      .then((bounds) => {
        if (bounds) atlasMapRef.current?.fitBounds(bounds)
      })
      .catch((error: unknown) => console.error('Zooming to the result failed', error))
      .finally(() => setZooming(false))
  }, [filters])

  const chooseCompound = useCallback((result: CompoundSearchResult) => {
    setSelectedCompoundId(result.id)
    atlasMapRef.current?.fitBounds(result.bbox)
  }, [])

  return (
    <div className="app">
      <AppHeader
        compoundCount={total}
        loading={state.status === 'loading'}
        onChooseCompound={chooseCompound}
      />
      <main className="app__main">
        <MapView
          areas={areas}
          theme={theme}
          coverageRows={coverageRows}
          filters={filters}
          selectedCompoundId={selectedCompoundId}
          initialPosition={initial.position}
          onSelectCompound={setSelectedCompoundId}
          onMoveEnd={onMoveEnd}
          onMap={(map) => {
            atlasMapRef.current = map
          }}
        />
        {state.status === 'loading' && <LoadingIndicator />}
        {state.status === 'error' && <LoadError error={state.error} onRetry={retry} />}
        <FilterPanel
          areas={areas}
          filters={filters}
          onChange={setFilters}
          matched={counts?.matched ?? null}
          onZoomToResult={zoomToResult}
          zooming={zooming}
        />
        <Legend
          theme={theme}
          onThemeChange={setTheme}
          counts={counts}
          coverageRows={coverageRows}
          filtered={hasFilters(filters)}
        />
        {selectedCompoundId !== null && (
          <CompoundPanel compoundId={selectedCompoundId} onClose={() => setSelectedCompoundId(null)} />
        )}
      </main>
    </div>
  )
}
