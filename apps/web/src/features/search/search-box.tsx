// Compound search by name or address, as an ARIA combobox: type, move with ↑/↓, choose with Enter or a click.
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type KeyboardEvent, useId, useState } from 'react'
import { compoundQueries } from '../../api/compounds.queries.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { useSettled } from '../../ui/use-settled.ts'
import './search-box.css'

const debounceMs = 200
const maxQueryLength = 50

export function SearchBox({ onChoose }: { onChoose: (result: CompoundSearchResult) => void }) {
  const { t } = useI18n()
  const id = useId()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)

  const trimmed = query.trim()
  const asked = useSettled(trimmed, debounceMs)
  const search = useQuery({
    ...compoundQueries.search(asked),
    enabled: asked !== '',
    placeholderData: keepPreviousData,
  })
  const answer = trimmed === '' ? undefined : search.data
  const results = answer?.results ?? []
  const searched = answer?.q ?? ''
  // A new answer puts the first result forward, as Enter would choose it.
  const [activeFor, setActiveFor] = useState<string | null>(null)
  if (answer && answer.q !== activeFor) {
    setActiveFor(answer.q)
    setActive(answer.results.length > 0 ? 0 : -1)
  }

  const choose = (result: CompoundSearchResult) => {
    onChoose(result)
    setQuery(result.name)
    setOpen(false)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(i + 1, results.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (event.key === 'Enter') {
      const result = results[active]
      if (open && result) {
        event.preventDefault()
        choose(result)
      }
    } else if (event.key === 'Escape') {
      setOpen(false)
    }
  }

  const listId = `${id}-list`
  const showList = open && query.trim() !== '' && searched !== ''
  return (
    <div className="search-box">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        maxLength={maxQueryLength}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        className="search-box__list"
        hidden={!showList}
        aria-label={t('search.label')}
      >
        {results.length === 0 && (
          <div className="search-box__empty" role="presentation">
            {t('search.noResults', { query: searched })}
          </div>
        )}
        {results.map((result, index) => (
          <div
            key={result.id}
            id={`${id}-option-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className="search-box__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(result)}
            onKeyDown={() => undefined}
          >
            <span className="search-box__name">{result.name}</span>
            <span className="search-box__meta">
              {result.streetName} · {result.communityName}
              {result.address ? ` · ${result.address}` : ''}
            </span>
          </div>
        ))}
      </div>
    </div>
  )
}
