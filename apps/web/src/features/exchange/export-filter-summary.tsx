// The map's filters an export applies, listed in the dialog so the planner sees what the file will hold; the
// households range filters the map only and is said to be left out.
import { renovationStatus } from '@renewal-atlas/domain'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { CompoundFilters } from '../../map/compound-filter.ts'

function nameOf(
  features: readonly { properties: { code: string; name: string } }[] | undefined,
  code: string,
) {
  return features?.find((f) => f.properties.code === code)?.properties.name ?? code
}

export function ExportFilterSummary({
  filters,
  areas,
}: {
  filters: CompoundFilters
  areas: AtlasAreas | null
}) {
  const { t, language } = useI18n()
  const items: { key: string; label: string; value: string }[] = []
  if (filters.street) {
    items.push({
      key: 'street',
      label: t('filters.street'),
      value: nameOf(areas?.streets.features, filters.street),
    })
  }
  if (filters.community) {
    items.push({
      key: 'community',
      label: t('filters.community'),
      value: nameOf(areas?.communities.features, filters.community),
    })
  }
  if (filters.status && filters.status.length > 0) {
    items.push({
      key: 'status',
      label: t('filters.status'),
      value: filters.status
        .map((s) => domainLabel(renovationStatus.labels, s, language))
        .join(t('exchange.listSeparator')),
    })
  }
  if (filters.onRegister !== undefined) {
    items.push({
      key: 'onRegister',
      label: t('filters.onRegister'),
      value: t(filters.onRegister ? 'filters.onRegisterYes' : 'filters.onRegisterNo'),
    })
  }
  if (filters.builtFrom !== undefined || filters.builtTo !== undefined) {
    items.push({
      key: 'built',
      label: t('filters.builtYear'),
      value: `${filters.builtFrom ?? ''}–${filters.builtTo ?? ''}`,
    })
  }
  const householdsLeftOut = filters.householdsMin !== undefined || filters.householdsMax !== undefined
  return (
    <div className="exchange-filters" data-testid="export-filters">
      <h3 className="exchange-filters__title">{t('exchange.export.filters')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('exchange.export.noFilters')}</p>
      ) : (
        <ul className="exchange-filters__list">
          {items.map((item) => (
            <li key={item.key} data-filter={item.key}>
              {t('exchange.labelValue', { label: item.label, value: item.value })}
            </li>
          ))}
        </ul>
      )}
      {householdsLeftOut && <p className="muted">{t('exchange.export.householdsLeftOut')}</p>}
    </div>
  )
}
