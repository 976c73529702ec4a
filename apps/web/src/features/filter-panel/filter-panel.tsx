// The filter panel: street, community (within the street), status, register, built years and households.
// Every change applies at once; the count of matching compounds comes from the API.
import { type RenovationStatus, renovationStatus } from '@renewal-atlas/domain'
import { useId, useState } from 'react'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { type CompoundFilters, hasFilters } from '../../map/compound-filter.ts'
import './filter-panel.css'

export interface FilterPanelProps {
  areas: AtlasAreas | null
  filters: CompoundFilters
  onChange: (filters: CompoundFilters) => void
  matched: number | null
  onZoomToResult: () => void
  zooming: boolean
}

type RangeField = 'builtFrom' | 'builtTo' | 'householdsMin' | 'householdsMax'

const limits: Record<RangeField, [number, number]> = {
  builtFrom: [1900, 2100],
  builtTo: [1900, 2100],
  householdsMin: [0, 1_000_000],
  householdsMax: [0, 1_000_000],
}

/** A typed value the API accepts, or undefined while it is empty or half typed. */
function parseField(field: RangeField, text: string): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined
  const value = Number(text)
  const [min, max] = limits[field]
  return value >= min && value <= max ? value : undefined
}

function without<K extends keyof CompoundFilters>(filters: CompoundFilters, key: K): CompoundFilters {
  const next = { ...filters }
  delete next[key]
  return next
}

export function FilterPanel({
  areas,
  filters,
  onChange,
  matched,
  onZoomToResult,
  zooming,
}: FilterPanelProps) {
  const { t, language, formatNumber } = useI18n()
  const id = useId()
  const [open, setOpen] = useState(true)
  // What the planner typed, kept apart from the applied filters so that half-typed years are not lost.
  const [drafts, setDrafts] = useState<Record<RangeField, string>>(() => ({
    builtFrom: filters.builtFrom?.toString() ?? '',
    builtTo: filters.builtTo?.toString() ?? '',
    householdsMin: filters.householdsMin?.toString() ?? '',
    householdsMax: filters.householdsMax?.toString() ?? '',
  }))

  const streets = [...(areas?.streets.features ?? [])].sort((a, b) =>
    a.properties.name.localeCompare(b.properties.name, 'zh-CN'),
  )
  const communities = (areas?.communities.features ?? [])
    .filter((c) => c.properties.streetCode === filters.street)
    .sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'zh-CN'))

  const set = <K extends keyof CompoundFilters>(key: K, value: CompoundFilters[K] | undefined) =>
    onChange(value === undefined ? without(filters, key) : { ...filters, [key]: value })

  const setRange = (field: RangeField, text: string) => {
    setDrafts((d) => ({ ...d, [field]: text }))
    set(field, parseField(field, text))
  }

  const toggleStatus = (status: RenovationStatus, checked: boolean) => {
    const current = new Set(filters.status ?? [])
    if (checked) current.add(status)
    else current.delete(status)
    const next = renovationStatus.values.filter((s) => current.has(s))
    set('status', next.length > 0 ? next : undefined)
  }

  const clear = () => {
    setDrafts({ builtFrom: '', builtTo: '', householdsMin: '', householdsMax: '' })
    onChange({})
  }

  const rangeInput = (field: RangeField, placeholder: string) => {
    const text = drafts[field]
    const invalid = text !== '' && parseField(field, text) === undefined
    return (
      <input
        type="number"
        inputMode="numeric"
        min={limits[field][0]}
        max={limits[field][1]}
        name={field}
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        aria-invalid={invalid}
        onChange={(event) => setRange(field, event.target.value)}
      />
    )
  }

  return (
    <section className="filter-panel" aria-labelledby={`${id}-title`} data-map-panel>
      <div className="filter-panel__head">
        <h2 id={`${id}-title`}>{t('filters.title')}</h2>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('filters.hide') : t('filters.show')}
        </button>
      </div>
      <p className="filter-panel__count" aria-live="polite" data-testid="filter-count">
        {matched === null ? t('filters.counting') : t('filters.matching', { count: formatNumber(matched) })}
      </p>
      <div id={`${id}-body`} hidden={!open} className="filter-panel__body">
        <label className="field">
          <span>{t('filters.street')}</span>
          <select
            name="street"
            value={filters.street ?? ''}
            onChange={(event) => {
              const street = event.target.value || undefined
              // A community belongs to one street: changing the street drops the community.
              const next = without(without(filters, 'street'), 'community')
              onChange(street ? { ...next, street } : next)
            }}
          >
            <option value="">{t('filters.any')}</option>
            {streets.map((s) => (
              <option key={s.properties.code} value={s.properties.code}>
                {s.properties.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('filters.community')}</span>
          <select
            name="community"
            value={filters.community ?? ''}
            disabled={!filters.street}
            onChange={(event) => set('community', event.target.value || undefined)}
          >
            <option value="">{t('filters.any')}</option>
            {communities.map((c) => (
              <option key={c.properties.code} value={c.properties.code}>
                {c.properties.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>{t('filters.status')}</legend>
          {renovationStatus.values.map((status) => (
            <label key={status} className="check">
              <input
                type="checkbox"
                name="status"
                value={status}
                checked={filters.status?.includes(status) ?? false}
                onChange={(event) => toggleStatus(status, event.target.checked)}
              />
              {domainLabel(renovationStatus.labels, status, language)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('filters.onRegister')}</span>
          <select
            name="onRegister"
            value={filters.onRegister === undefined ? '' : String(filters.onRegister)}
            onChange={(event) =>
              set('onRegister', event.target.value === '' ? undefined : event.target.value === 'true')
            }
          >
            <option value="">{t('filters.any')}</option>
            <option value="true">{t('filters.onRegisterYes')}</option>
            <option value="false">{t('filters.onRegisterNo')}</option>
          </select>
        </label>
        <div className="field">
          <span>{t('filters.builtYear')}</span>
          <div className="range">
            {rangeInput('builtFrom', t('filters.from'))}
            <span aria-hidden="true">–</span>
            {rangeInput('builtTo', t('filters.to'))}
          </div>
        </div>
        <div className="field">
          <span>{t('filters.households')}</span>
          <div className="range">
            {rangeInput('householdsMin', t('filters.min'))}
            <span aria-hidden="true">–</span>
            {rangeInput('householdsMax', t('filters.max'))}
          </div>
        </div>
        <div className="filter-panel__actions">
          <button type="button" onClick={onZoomToResult} disabled={matched === 0 || zooming}>
            {t('filters.zoomTo')}
          </button>
          <button type="button" onClick={clear} disabled={!hasFilters(filters)}>
            {t('filters.clear')}
          </button>
        </div>
      </div>
    </section>
  )
}
