// The header bar: product name, the 地图/统计 page switch, the compound search, how many compounds there are,
// and the language toggle.
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import type { KeyboardEvent } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { languageNames, languages, type MessageKey } from '../../i18n/messages.ts'
import { type AppView, appViews } from '../../map/url-state.ts'
import { SearchBox } from '../search/search-box.tsx'

const viewLabels: Record<AppView, MessageKey> = { map: 'view.map', dashboard: 'view.dashboard' }

export interface AppHeaderProps {
  /** The number of compounds in the district; null while loading or after a failure. */
  compoundCount: number | null
  loading: boolean
  onChooseCompound: (result: CompoundSearchResult) => void
  view: AppView
  onViewChange: (view: AppView) => void
}

export function AppHeader({ compoundCount, loading, onChooseCompound, view, onViewChange }: AppHeaderProps) {
  const { t, language, setLanguage, formatNumber } = useI18n()
  // Tabs move with the arrow keys (WAI-ARIA tabs pattern); Tab moves on to the page.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    const index = appViews.indexOf(view)
    const next = appViews[(index + (event.key === 'ArrowRight' ? 1 : appViews.length - 1)) % appViews.length]
    if (next) {
      onViewChange(next)
      document.getElementById(`tab-${next}`)?.focus()
    }
  }
  return (
    <header className="app-header">
      <h1 className="app-header__title">{t('app.name')}</h1>
      <div className="view-tabs" role="tablist" aria-label={t('view.label')}>
        {appViews.map((v) => (
          <button
            key={v}
            id={`tab-${v}`}
            type="button"
            role="tab"
            aria-selected={v === view}
            aria-controls="app-view"
            tabIndex={v === view ? 0 : -1}
            onClick={() => onViewChange(v)}
            onKeyDown={onTabKey}
          >
            {t(viewLabels[v])}
          </button>
        ))}
      </div>
      <SearchBox onChoose={onChooseCompound} />
      <p className="app-header__count" aria-live="polite">
        {compoundCount !== null && t('header.compoundCount', { count: formatNumber(compoundCount) })}
        {compoundCount === null && loading && t('header.compoundCountPending')}
      </p>
      <fieldset className="language-toggle">
        <legend className="visually-hidden">{t('language.groupLabel')}</legend>
        {languages.map((lang) => (
          <button
            key={lang}
            type="button"
            lang={lang}
            aria-pressed={lang === language}
            onClick={() => setLanguage(lang)}
          >
            {languageNames[lang]}
          </button>
        ))}
      </fieldset>
    </header>
  )
}
