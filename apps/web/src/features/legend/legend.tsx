// The legend with the thematic-layer switch: its rows come from the same class tables as the map's paint
// expressions, so what it lists is what is drawn, in the words the layer registry gives coded values (a status);
// counts are the API's, within the current filters.
import {
  type CoverageRow,
  countCoverageClasses,
  coverageClassesOf,
  coverageLegendDecimals,
} from '@renewal-atlas/domain'
import { labelIn } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import {
  type CompoundThemeId,
  compoundThemeClasses,
  coverageLegendLabel,
  type LegendLabel,
  type ThemeId,
  themeIds,
} from '../../map/compound-classes.ts'
import { deadEndColour } from '../../map/layers/dead-ends-layer.tsx'
import type { CompoundCounts } from './use-class-counts.ts'
import './legend.css'

export interface LegendProps {
  theme: ThemeId
  onThemeChange: (theme: ThemeId) => void
  counts: CompoundCounts | null
  coverageRows: CoverageRow[] | null
  filtered: boolean
}

interface Row {
  key: string
  colour: string
  label: string
  count: number | undefined
}

export function Legend({ theme, onThemeChange, counts, coverageRows, filtered }: LegendProps) {
  const { t, formatNumber, language } = useI18n()
  const legendText = (label: LegendLabel) =>
    'words' in label ? labelIn(label.words, language) : t(label.key, label.params)
  const isCoverage = theme === 'coverage-street' || theme === 'coverage-community'
  let rows: Row[]
  let countHeading: MessageKey
  if (isCoverage) {
    // The classes' breaks come from the areas' coverage; until the rows arrive there is nothing to list.
    const classes = coverageClassesOf(coverageRows ?? [])
    const decimals = coverageLegendDecimals(classes)
    const areaCounts = coverageRows ? countCoverageClasses(coverageRows, classes) : undefined
    rows = classes.map((cls) => ({
      key: cls.key,
      colour: cls.colour,
      label: legendText(coverageLegendLabel(cls, decimals)),
      count: areaCounts?.get(cls.key),
    }))
    countHeading = theme === 'coverage-street' ? 'legend.areasStreet' : 'legend.areasCommunity'
  } else {
    rows = compoundThemeClasses[theme as CompoundThemeId].map((cls) => ({
      key: cls.key,
      colour: cls.colour,
      label: legendText(cls.label),
      count: counts?.byClass.get(cls.key),
    }))
    countHeading = 'legend.compounds'
  }
  const total = isCoverage ? coverageRows?.length : counts?.matched

  return (
    <section className="legend" aria-labelledby="legend-title" data-map-panel>
      <label className="legend__theme">
        <span id="legend-title" className="legend__title">
          {t('theme.label')}
        </span>
        <select
          value={theme}
          onChange={(event) => onThemeChange(event.target.value as ThemeId)}
          data-testid="theme-select"
        >
          {themeIds.map((id) => (
            <option key={id} value={id}>
              {t(`theme.${id}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <p className="legend__heading">
        <span>{t(`theme.${theme}` as MessageKey)}</span>
        <span className="legend__count">
          {t(countHeading)}
          {filtered && !isCoverage ? t('legend.filtered') : ''}
        </span>
      </p>
      <ul className="legend__list">
        {rows.map((row) => (
          <li key={row.key} className="legend__item" data-class={row.key}>
            <span className="legend__swatch" style={{ backgroundColor: row.colour }} aria-hidden="true" />
            <span className="legend__label">{row.label}</span>
            <span className="legend__count">{row.count === undefined ? '…' : formatNumber(row.count)}</span>
          </li>
        ))}
      </ul>
      <p className="legend__total">
        <span>{t('legend.total')}</span>
        <span className="legend__count">{total === undefined ? '…' : formatNumber(total)}</span>
      </p>
      <p className="legend__item legend__extra">
        <span
          className="legend__swatch legend__swatch--dot"
          style={{ backgroundColor: deadEndColour }}
          aria-hidden="true"
        />
        <span className="legend__label">{t('deadEnds.legend')}</span>
      </p>
    </section>
  )
}
