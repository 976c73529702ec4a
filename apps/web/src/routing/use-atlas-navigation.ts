// Moving around the app: another page (a new history entry, so Back returns to this one), a change of the view's
// state in place (no entry: panning the map or ticking a filter does not fill the history), and the map opened on an
// extent. The view's state is kept across pages: the dashboard's street is the map's street.
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate, useRouterState, useSearch } from '@tanstack/react-router'
import { useCallback, useMemo } from 'react'
import { compoundQueries } from '../api/compounds.queries.ts'
import type { Bounds } from '../map/geojson-bounds.ts'
import { boundsOf } from '../map/geojson-bounds.ts'
import type { AtlasSearch } from './atlas-search.ts'
import type { AppView } from './url-state.ts'

declare module '@tanstack/history' {
  interface HistoryState {
    /** The extent the map opens on (a street or a compound chosen elsewhere), instead of a position. */
    fitBounds?: Bounds
    /** The section of the account page to show first. */
    section?: 'password' | 'tokens'
  }
}

export type PagePath = '/' | `/${Exclude<AppView, 'map'>}`

export function pathOf(view: AppView): PagePath {
  return view === 'map' ? '/' : `/${view}`
}

/** The page shown, from the router's path. */
export function useCurrentView(): AppView {
  const pathname = useRouterState({ select: (state) => state.location.pathname })
  const view = pathname.replace(/^\/+/, '')
  return (view === '' ? 'map' : view) as AppView
}

/** The view's shared state (the root route's search parameters). */
export function useAtlasSearch(): AtlasSearch {
  return useSearch({ from: '__root__' })
}

export type SearchUpdate = (current: AtlasSearch) => AtlasSearch

export function useAtlasNavigation() {
  const navigate = useNavigate()
  return useMemo(
    () => ({
      openPage: (view: AppView, section?: 'password' | 'tokens') =>
        void navigate({
          to: pathOf(view),
          search: (current: AtlasSearch) => current,
          state: section ? { section } : {},
        }),
      updateSearch: (update: SearchUpdate) =>
        void navigate({ to: '.', search: (current: AtlasSearch) => update(current), replace: true }),
      /**
       * The map, on `bounds` when given (its position is then left out of the URL until it has moved there); `replace`
       * when the map is already shown and this moves it, as a search result does.
       */
      openMap: (update: SearchUpdate = (current) => current, bounds?: Bounds, replace = false) =>
        void navigate({
          to: '/',
          replace,
          search: (current: AtlasSearch) => {
            const next = update(current)
            if (!bounds) return next
            const { position: _position, ...rest } = next
            return rest
          },
          state: bounds ? { fitBounds: bounds } : {},
        }),
    }),
    [navigate],
  )
}

/** Open a compound on the map with its panel, whatever the filters were, as a click on it would. */
export function useLocateCompound(): (compoundId: number) => void {
  const client = useQueryClient()
  const { openMap } = useAtlasNavigation()
  return useCallback(
    (compoundId: number) => {
      client
        .fetchQuery(compoundQueries.record(compoundId))
        .then(({ compound }) => boundsOf([compound]))
        .catch((error: unknown) => {
          console.error(`Locating compound ${compoundId} failed`, error)
          return undefined
        })
        .then((bounds) => openMap((current) => ({ ...current, filters: {}, compoundId }), bounds))
    },
    [client, openMap],
  )
}
