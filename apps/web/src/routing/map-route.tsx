// The map page (/): the map workspace under the view's state in the URL.
import { useRouterState } from '@tanstack/react-router'
import { useAreas } from '../features/atlas-data/use-areas.ts'
import { MapWorkspace } from '../features/map-workspace/map-workspace.tsx'
import type { AtlasSearch } from './atlas-search.ts'
import { useMainMap } from './main-map.ts'
import { useAtlasNavigation, useAtlasSearch } from './use-atlas-navigation.ts'

export function MapRoute() {
  const search = useAtlasSearch()
  const fitBounds = useRouterState({ select: (state) => state.location.state.fitBounds })
  const navigationKey = useRouterState({ select: (state) => state.location.state.__TSR_key })
  // The location moves before the route's search parameters follow it: a fit waits until both say the same compound,
  // so that the panel the navigation opens is in place when the fit measures the room it takes.
  const arriving: number | undefined =
    useRouterState({
      select: (state) => (state.location.search as AtlasSearch).compoundId ?? null,
    }) ?? undefined
  const { updateSearch } = useAtlasNavigation()
  const { state, retry } = useAreas()
  const mainMap = useMainMap()
  return (
    <MapWorkspace
      areasState={state}
      onRetryAreas={retry}
      theme={search.theme}
      onThemeChange={(theme) => updateSearch((current) => ({ ...current, theme }))}
      filters={search.filters}
      onFiltersChange={(filters) => updateSearch((current) => ({ ...current, filters }))}
      selectedCompoundId={search.compoundId ?? null}
      onSelectCompound={(id) =>
        updateSearch(({ compoundId: _compoundId, ...current }) =>
          id === null ? current : { ...current, compoundId: id },
        )
      }
      position={search.position}
      fitRequest={
        fitBounds && arriving === search.compoundId
          ? { bounds: fitBounds, key: navigationKey ?? fitBounds.join(',') }
          : undefined
      }
      onMoveEnd={(position) => updateSearch((current) => ({ ...current, position }))}
      mapRef={mainMap}
    />
  )
}
