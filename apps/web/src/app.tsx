// The page: the header (search, the 地图/统计 switch, language, account menu) over the map workspace, the
// leadership dashboard, or an account or administration page. The view (page, position, theme, filters, compound,
// year range, language) lives in the URL hash.
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { countCompounds, fetchCompound } from './api/compounds.api.ts'
import { AccountPage } from './features/account/account-page.tsx'
import { AuditPage } from './features/admin/audit-page.tsx'
import { DeletedCompoundsPage } from './features/admin/deleted-compounds-page.tsx'
import { UsersPage } from './features/admin/users-page.tsx'
import { useAreas } from './features/atlas-data/use-areas.ts'
import type { MapTarget } from './features/dashboard/coverage-panel.tsx'
import { ExchangeActions } from './features/exchange/exchange-actions.tsx'
import { ImportPage } from './features/exchange/import-page.tsx'
import type { AccountTarget } from './features/header/account-menu.tsx'
import { AppHeader } from './features/header/app-header.tsx'
import { MapWorkspace } from './features/map-workspace/map-workspace.tsx'
import { useSession } from './features/session/session-context.tsx'
import { useI18n } from './i18n/i18n-context.tsx'
import type { AtlasMap } from './map/atlas-map.ts'
import { invalidateTileUrls } from './map/base-style.ts'
import type { ThemeId } from './map/compound-classes.ts'
import type { CompoundFilters } from './map/compound-filter.ts'
import { type Bounds, boundsOf } from './map/geojson-bounds.ts'
import {
  type AppView,
  decodeUrlState,
  encodeUrlState,
  isTabView,
  type MapPosition,
  type YearRange,
} from './map/url-state.ts'

// The dashboard brings ECharts: it loads when first shown, so the map does not wait for it.
const DashboardView = lazy(() => import('./features/dashboard/dashboard-view.tsx'))

/** How many compounds the district has; `revision` changes after a write, to count again. */
function useDistrictTotal(revision: number): number | null {
  const [total, setTotal] = useState<number | null>(null)
  useEffect(() => {
    void revision
    const controller = new AbortController()
    countCompounds({}, { signal: controller.signal }).then(setTotal, (error: unknown) => {
      if (!controller.signal.aborted) console.error('Counting compounds failed', error)
    })
    return () => controller.abort()
  }, [revision])
  return total
}

function DashboardLoading() {
  const { t } = useI18n()
  return (
    <div className="load-status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{t('dash.loading')}</span>
    </div>
  )
}

export function App() {
  const { language } = useI18n()
  const { permits } = useSession()
  const [initial] = useState(() => decodeUrlState(window.location.hash))
  const { state, retry } = useAreas()
  const areas = state.status === 'ready' ? state.areas : null
  const [requestedView, setView] = useState<AppView>(initial.view ?? 'map')
  // A link to the dashboard opened by a role without statistics shows the map; the header offers no 统计 tab.
  const view: AppView = requestedView === 'dashboard' && !permits('readStats') ? 'map' : requestedView
  const [accountSection, setAccountSection] = useState<AccountTarget['section']>(undefined)
  const [dataRevision, setDataRevision] = useState(0)
  const [theme, setTheme] = useState<ThemeId>(initial.theme)
  const [filters, setFilters] = useState<CompoundFilters>(initial.filters)
  const [selectedCompoundId, setSelectedCompoundId] = useState<number | null>(initial.compoundId ?? null)
  const [years, setYears] = useState<YearRange>(initial.years ?? {})
  // Where the next map opens when the dashboard sends the planner there (read once by the new map).
  const [mapBounds, setMapBounds] = useState<Bounds | undefined>(undefined)
  const atlasMapRef = useRef<AtlasMap | null>(null)
  const positionRef = useRef<MapPosition | undefined>(initial.position)
  const writtenHashRef = useRef<string | null>(null)
  const writtenViewRef = useRef<AppView>(view)

  const total = useDistrictTotal(dataRevision)
  const dataChanged = useCallback(() => {
    // A map drawn after this (on returning from the import page, say) asks for new tiles of every layer.
    invalidateTileUrls()
    setDataRevision((n) => n + 1)
  }, [])
  const streets = useMemo(
    () =>
      [...(areas?.streets.features ?? [])]
        .map((f) => ({ code: f.properties.code, name: f.properties.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [areas],
  )

  const writeUrl = useCallback(() => {
    const hash = encodeUrlState({
      ...(view !== 'map' ? { view } : {}),
      ...(positionRef.current ? { position: positionRef.current } : {}),
      theme,
      filters,
      ...(selectedCompoundId !== null ? { compoundId: selectedCompoundId } : {}),
      ...(years.from !== undefined || years.to !== undefined ? { years } : {}),
      language,
    })
    writtenHashRef.current = hash
    // Moving the map should not fill the history with every pan; changing page should, so Back returns.
    if (writtenViewRef.current !== view) window.history.pushState(null, '', `#${hash}`)
    else window.history.replaceState(null, '', `#${hash}`)
    writtenViewRef.current = view
  }, [view, theme, filters, selectedCompoundId, years, language])

  useEffect(() => writeUrl(), [writeUrl])

  // A view pasted into the address bar of an open page (or Back) changes only the hash; start again from it.
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

  /** Switch to the map opening on `bounds` (or where it last was). */
  const openMap = useCallback((bounds: Bounds | undefined) => {
    if (bounds) positionRef.current = undefined
    setMapBounds(bounds)
    setView('map')
  }, [])

  const openAccount = useCallback((target: AccountTarget) => {
    setAccountSection(target.section)
    setView(target.view)
  }, [])

  const changeView = useCallback(
    (next: AppView) => {
      if (next === 'map') openMap(undefined)
      else setView(next)
    },
    [openMap],
  )

  const chooseCompound = useCallback(
    (result: CompoundSearchResult) => {
      setSelectedCompoundId(result.id)
      if (view === 'map') atlasMapRef.current?.fitBounds(result.bbox)
      else openMap(result.bbox)
    },
    [view, openMap],
  )

  /** The dashboard's street is the map's street: changing it drops a community of another street. */
  const changeDashboardFilter = useCallback((street: string | undefined, nextYears: YearRange) => {
    setFilters((current) => {
      if (current.street === street) return current
      const { street: _street, community: _community, ...rest } = current
      return street ? { ...rest, street } : rest
    })
    setYears(nextYears)
  }, [])

  const showOnMap = useCallback(
    (target: MapTarget) => {
      const next: CompoundFilters = {
        ...(target.street ? { street: target.street } : {}),
        ...(target.community ? { community: target.community } : {}),
      }
      const area = target.community
        ? areas?.communities.features.filter((f) => f.properties.code === target.community)
        : target.street
          ? areas?.streets.features.filter((f) => f.properties.code === target.street)
          : areas?.district.features
      setFilters(next)
      setSelectedCompoundId(null)
      openMap(area ? boundsOf(area) : undefined)
    },
    [areas, openMap],
  )

  const locateCompound = useCallback(
    (compoundId: number) => {
      // The map shows the compound whatever the planner's filters were, chosen as a click on it would.
      fetchCompound(compoundId)
        .then((feature) => boundsOf([feature]))
        .catch((error: unknown) => {
          console.error(`Locating compound ${compoundId} failed`, error)
          return undefined
        })
        .then((bounds) => {
          setFilters({})
          setSelectedCompoundId(compoundId)
          openMap(bounds)
        })
    },
    [openMap],
  )

  const backToMap = () => openMap(undefined)
  const tabView = isTabView(view)

  return (
    <div className="app">
      <AppHeader
        compoundCount={total}
        loading={state.status === 'loading'}
        onChooseCompound={chooseCompound}
        view={view}
        onViewChange={changeView}
        onOpenAccount={openAccount}
        exchangeActions={
          <ExchangeActions
            onMap={view === 'map'}
            filters={filters}
            selectedCompoundId={selectedCompoundId}
            areas={areas}
            mapBounds={() => atlasMapRef.current?.getBounds()}
            importsOpen={view === 'imports'}
            onOpenImports={() => setView('imports')}
          />
        }
      />
      <main
        className={`app__main app__main--${tabView ? view : 'page'}`}
        id="app-view"
        {...(tabView ? { role: 'tabpanel', 'aria-labelledby': `tab-${view}` } : {})}
      >
        {view === 'map' && (
          <MapWorkspace
            areasState={state}
            onRetryAreas={retry}
            theme={theme}
            onThemeChange={setTheme}
            filters={filters}
            onFiltersChange={setFilters}
            selectedCompoundId={selectedCompoundId}
            onSelectCompound={setSelectedCompoundId}
            initialPosition={positionRef.current}
            initialBounds={mapBounds}
            onMoveEnd={onMoveEnd}
            atlasMapRef={atlasMapRef}
            onDataChanged={dataChanged}
          />
        )}
        {view === 'dashboard' && (
          <Suspense fallback={<DashboardLoading />}>
            <DashboardView
              areasState={state}
              onRetryAreas={retry}
              street={filters.street}
              years={years}
              onFilterChange={changeDashboardFilter}
              onShowOnMap={showOnMap}
              onLocateCompound={locateCompound}
            />
          </Suspense>
        )}
        {view === 'account' && <AccountPage section={accountSection} onBack={backToMap} />}
        {view === 'users' && <UsersPage streets={streets} onBack={backToMap} />}
        {view === 'audit' && <AuditPage onBack={backToMap} />}
        {view === 'imports' && <ImportPage onBack={backToMap} onDataChanged={dataChanged} />}
        {view === 'deleted' && (
          <DeletedCompoundsPage
            onBack={backToMap}
            onUndeleted={dataChanged}
            onShowCompound={locateCompound}
          />
        )}
      </main>
    </div>
  )
}
