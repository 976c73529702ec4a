// The header bar: product name, the compound search, how many compounds there are, and the language toggle.
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { languageNames, languages } from '../../i18n/messages.ts'
import { SearchBox } from '../search/search-box.tsx'

export interface AppHeaderProps {
  /** The number of compounds in the district; null while loading or after a failure. */
  compoundCount: number | null
  loading: boolean
  onChooseCompound: (result: CompoundSearchResult) => void
}

export function AppHeader({ compoundCount, loading, onChooseCompound }: AppHeaderProps) {
  const { t, language, setLanguage, formatNumber } = useI18n()
  return (
    <header className="app-header">
      <h1 className="app-header__title">{t('app.name')}</h1>
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
