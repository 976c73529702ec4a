// The dashboard page (/dashboard), loaded when first shown (it brings ECharts). A link to it opened by a role
// without statistics shows the map instead; the header offers no 统计 tab.
import { Navigate } from '@tanstack/react-router'
import { lazy, Suspense } from 'react'
import { useAreas } from '../features/atlas-data/use-areas.ts'
import type { MapTarget } from '../features/dashboard/coverage-panel.tsx'
import { LoadingIndicator } from '../features/load-status/load-status.tsx'
import { useSession } from '../features/session/session-context.tsx'
import type { CompoundFilters } from '../map/compound-filter.ts'
import { boundsOf } from '../map/geojson-bounds.ts'
import type { AtlasSearch } from './atlas-search.ts'
import { useAtlasNavigation, useAtlasSearch, useLocateCompound } from './use-atlas-navigation.ts'

const DashboardView = lazy(() => import('../features/dashboard/dashboard-view.tsx'))

export function DashboardRoute() {
  const { permits } = useSession()
  const search = useAtlasSearch()
  const { updateSearch, openMap } = useAtlasNavigation()
  const locateCompound = useLocateCompound()
  const { state, retry } = useAreas()
  const areas = state.status === 'ready' ? state.areas : null
  if (!permits('readStats')) return <Navigate to="/" search={(current: AtlasSearch) => current} replace />

  const showOnMap = (target: MapTarget) => {
    const filters: CompoundFilters = {
      ...(target.street ? { street: target.street } : {}),
      ...(target.community ? { community: target.community } : {}),
    }
    const area = target.community
      ? areas?.communities.features.filter((f) => f.properties.code === target.community)
      : target.street
        ? areas?.streets.features.filter((f) => f.properties.code === target.street)
        : areas?.district.features
    openMap(
      ({ compoundId: _compoundId, ...current }) => ({ ...current, filters }),
      area ? boundsOf(area) : undefined,
    )
  }

  return (
    <Suspense fallback={<LoadingIndicator message="dash.loading" />}>
      <DashboardView
        areasState={state}
        onRetryAreas={retry}
        street={search.filters.street}
        years={search.years ?? {}}
        onFilterChange={(street, years) =>
          // The dashboard's street is the map's street: changing it drops a community of another street.
          updateSearch(({ years: _years, ...current }) => {
            const { street: _street, community: _community, ...rest } = current.filters
            const filters =
              current.filters.street === street ? current.filters : street ? { ...rest, street } : rest
            const hasYears = years.from !== undefined || years.to !== undefined
            return { ...current, filters, ...(hasYears ? { years } : {}) }
          })
        }
        onShowOnMap={showOnMap}
        onLocateCompound={locateCompound}
      />
    </Suspense>
  )
}
