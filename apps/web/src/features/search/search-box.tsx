// Compound search by name or address, as an ARIA combobox: type, move with ↑/↓, choose with Enter or a click.
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import { type KeyboardEvent, useEffect, useId, useState } from 'react'
import { searchCompounds } from '../../api/compounds.api.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'

const debounceMs = 200
const maxQueryLength = 50

export function SearchBox({ onChoose }: { onChoose: (result: CompoundSearchResult) => void }) {
  const { t } = useI18n()
  const id = useId()
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<CompoundSearchResult[]>([])
  const [searched, setSearched] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)

  useEffect(() => {
    const q = query.trim()
    if (q === '') {
      setResults([])
      setSearched('')
      return
    }
    const controller = new AbortController()
    const timer = window.setTimeout(() => {
      searchCompounds(q, { signal: controller.signal }).then(
        (response) => {
          setResults(response.results)
          setSearched(q)
          setActive(response.results.length > 0 ? 0 : -1)
        },
        (error: unknown) => {
          if (!controller.signal.aborted) console.error('Searching compounds failed', error)
        },
      )
    }, debounceMs)
    return () => {
      window.clearTimeout(timer)
      controller.abort()
    }
  }, [query])

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
