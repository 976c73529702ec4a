// The map legend: one row per compound class, from the same table the map colours are built from.
import type { CompoundFeature } from '../../api/layers.schema.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { compoundClasses, countByClass } from '../../map/compound-classes.ts'

export function Legend({ compounds }: { compounds: readonly CompoundFeature[] }) {
  const { t, formatNumber } = useI18n()
  const counts = countByClass(compounds.map((feature) => feature.properties))
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend__title">
        {t('legend.title')}
      </h2>
      <ul className="legend__list">
        {compoundClasses.map((cls) => (
          <li key={cls.key} className="legend__item" data-class={cls.key}>
            <span className="legend__swatch" style={{ backgroundColor: cls.colour }} aria-hidden="true" />
            <span className="legend__label">{t(cls.labelKey)}</span>
            <span className="legend__count">{formatNumber(counts.get(cls.key) ?? 0)}</span>
          </li>
        ))}
      </ul>
      <p className="legend__total">
        <span>{t('legend.total')}</span>
        <span className="legend__count">{formatNumber(compounds.length)}</span>
      </p>
    </section>
  )
}
