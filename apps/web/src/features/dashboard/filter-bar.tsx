// The dashboard's filter: a street and a renovation-year range (bounded by the years on record), applied to
// every panel and kept in the URL.
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { YearRange } from '../../routing/url-state.ts'

export interface StreetOption {
  code: string
  name: string
}

export interface FilterBarProps {
  streets: readonly StreetOption[]
  street: string | undefined
  years: YearRange
  /** First and last renovation year on record; null while the settings load. */
  yearBounds: { first: number; last: number } | null
  onChange: (street: string | undefined, years: YearRange) => void
}

function yearsBetween(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i)
}

export function FilterBar({ streets, street, years, yearBounds, onChange }: FilterBarProps) {
  const { t } = useI18n()
  const id = useId()
  const options = yearBounds ? yearsBetween(yearBounds.first, yearBounds.last) : []
  const filtered = street !== undefined || years.from !== undefined || years.to !== undefined
  const setYears = (from: number | undefined, to: number | undefined) =>
    onChange(street, { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) })
  const parse = (value: string) => (value === '' ? undefined : Number(value))

  return (
    <search className="filter-bar" aria-label={t('dash.filter.label')}>
      <label className="filter-bar__field">
        <span>{t('dash.filter.street')}</span>
        <select
          name="dashboard-street"
          value={street ?? ''}
          onChange={(event) => onChange(event.target.value || undefined, years)}
        >
          <option value="">{t('dash.filter.allStreets')}</option>
          {streets.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="filter-bar__field filter-bar__years" aria-describedby={`${id}-hint`}>
        <legend>{t('dash.filter.years')}</legend>
        <select
          name="dashboard-year-from"
          aria-label={t('dash.filter.yearFrom')}
          value={years.from ?? ''}
          disabled={!yearBounds}
          onChange={(event) => setYears(parse(event.target.value), years.to)}
        >
          <option value="">{t('dash.filter.yearAny')}</option>
          {options.map((year) => (
            <option key={year} value={year} disabled={years.to !== undefined && year > years.to}>
              {t('dash.filter.year', { year })}
            </option>
          ))}
        </select>
        <span aria-hidden="true">–</span>
        <select
          name="dashboard-year-to"
          aria-label={t('dash.filter.yearTo')}
          value={years.to ?? ''}
          disabled={!yearBounds}
          onChange={(event) => setYears(years.from, parse(event.target.value))}
        >
          <option value="">{t('dash.filter.yearLatest')}</option>
          {options.map((year) => (
            <option key={year} value={year} disabled={years.from !== undefined && year < years.from}>
              {t('dash.filter.year', { year })}
            </option>
          ))}
        </select>
      </fieldset>
      <button type="button" className="button" disabled={!filtered} onClick={() => onChange(undefined, {})}>
        {t('dash.filter.reset')}
      </button>
      <p id={`${id}-hint`} className="filter-bar__hint">
        {t('dash.filter.hint')}
      </p>
    </search>
  )
}
