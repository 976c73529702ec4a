// The header bar: product name, the 地图/统计 page switch (统计 only for roles that may read statistics), the
// compound search, 导出/导入, the language toggle and the account menu. How many compounds match is said once, by
// the map's filter panel.
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import type { KeyboardEvent, ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { type AppView, appViews, type TabView } from '../../routing/url-state.ts'
import { SearchBox } from '../search/search-box.tsx'
import { useSession } from '../session/session-context.tsx'
import { AccountMenu, type AccountTarget } from './account-menu.tsx'
import { LanguageToggle } from './language-toggle.tsx'
import './app-header.css'

const viewLabels: Record<TabView, MessageKey> = { map: 'view.map', dashboard: 'view.dashboard' }

export interface AppHeaderProps {
  onChooseCompound: (result: CompoundSearchResult) => void
  view: AppView
  onViewChange: (view: AppView) => void
  onOpenAccount: (target: AccountTarget) => void
  /** The 导出/导入 buttons (features/exchange), shown before the language toggle. */
  exchangeActions?: ReactNode
}

export function AppHeader(props: AppHeaderProps) {
  const { onChooseCompound, view, onViewChange, onOpenAccount } = props
  const { t } = useI18n()
  const { permits } = useSession()
  const tabs = appViews.filter((v) => v !== 'dashboard' || permits('readStats'))
  // Tabs move with the arrow keys (WAI-ARIA tabs pattern); Tab moves on to the page.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    const index = tabs.indexOf(view as TabView)
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]
    if (next) {
      onViewChange(next)
      document.getElementById(`tab-${next}`)?.focus()
    }
  }
  return (
    <header className="app-header">
      <h1 className="app-header__title">{t('app.name')}</h1>
      <div className="view-tabs" role="tablist" aria-label={t('view.label')}>
        {tabs.map((v) => (
          <button
            key={v}
            id={`tab-${v}`}
            type="button"
            role="tab"
            aria-selected={v === view}
            aria-controls="app-view"
            tabIndex={v === view || (v === 'map' && !tabs.includes(view as TabView)) ? 0 : -1}
            onClick={() => onViewChange(v)}
            onKeyDown={onTabKey}
          >
            {t(viewLabels[v])}
          </button>
        ))}
      </div>
      <SearchBox onChoose={onChooseCompound} />
      {props.exchangeActions}
      <LanguageToggle />
      <AccountMenu onOpen={onOpenAccount} onSignedOut={() => onViewChange('map')} />
    </header>
  )
}
