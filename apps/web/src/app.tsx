// The frame of every page: the header (search, the 地图/统计 switch, 导出/导入, language, account menu) over the page
// the router shows. The view's state lives in the URL (routing/); data comes from the query cache (api/*.queries.ts).
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import { Outlet } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { useAreas } from './features/atlas-data/use-areas.ts'
import { ExchangeActions } from './features/exchange/exchange-actions.tsx'
import { AppHeader } from './features/header/app-header.tsx'
import { useI18n } from './i18n/i18n-context.tsx'
import type { MapHandle } from './map/atlas-map.tsx'
import { MainMapContext } from './routing/main-map.ts'
import { isTabView } from './routing/url-state.ts'
import { useAtlasNavigation, useAtlasSearch, useCurrentView } from './routing/use-atlas-navigation.ts'

/** The URL's language and the interface's follow each other: a pasted link's wins, a click on the toggle writes it. */
function useLanguageInUrl(): void {
  const { language, setLanguage } = useI18n()
  const urlLanguage = useAtlasSearch().language
  const { updateSearch } = useAtlasNavigation()
  const seen = useRef(urlLanguage)
  useEffect(() => {
    const urlChanged = urlLanguage !== seen.current
    seen.current = urlLanguage
    if (urlLanguage && urlChanged && urlLanguage !== language) setLanguage(urlLanguage)
    else if (urlLanguage !== language) updateSearch((current) => ({ ...current, language }))
  }, [urlLanguage, language, setLanguage, updateSearch])
}

export function AppShell() {
  const search = useAtlasSearch()
  const view = useCurrentView()
  const { openPage, openMap } = useAtlasNavigation()
  const mainMap = useRef<MapHandle | null>(null)
  const { state } = useAreas()
  const areas = state.status === 'ready' ? state.areas : null
  useLanguageInUrl()

  const chooseCompound = (result: CompoundSearchResult) => {
    // On the map the result replaces the view in place; elsewhere the map opens on it. Either way the map fits
    // it once its panel is open, clear of the panels (features/map-workspace).
    openMap((current) => ({ ...current, compoundId: result.id }), result.bbox, view === 'map')
  }
  const tabView = isTabView(view)

  return (
    <MainMapContext value={mainMap}>
      <div className="app">
        <AppHeader
          onChooseCompound={chooseCompound}
          view={view}
          onViewChange={(next) => (next === 'map' ? openMap() : openPage(next))}
          onOpenAccount={(target) => openPage(target.view, target.section)}
          exchangeActions={
            <ExchangeActions
              filters={search.filters}
              selectedCompoundId={search.compoundId ?? null}
              areas={areas}
              mapBounds={() => (view === 'map' ? mainMap.current?.getBounds() : undefined)}
              importsOpen={view === 'imports'}
              onOpenImports={() => openPage('imports')}
            />
          }
        />
        <main
          className={`app__main app__main--${tabView ? view : 'page'}`}
          id="app-view"
          {...(tabView ? { role: 'tabpanel', 'aria-labelledby': `tab-${view}` } : {})}
        >
          <Outlet />
        </main>
      </div>
    </MainMapContext>
  )
}
