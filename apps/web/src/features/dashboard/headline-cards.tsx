// The seven headline figures (核心指标) as cards, each with its year-on-year change, and as a table. Values and
// changes are written by the domain (headlineValue, headlineChange), as the PDF writes them.
import {
  formatCell,
  type HeadlineFigure,
  type HeadlineKey,
  type HeadlineTableRow,
  headlineChange,
  headlineLabels,
  headlineValue,
  type NumberFormat,
  type StatsFilter,
  type SummaryResponse,
  summaryTable,
} from '@renewal-atlas/domain'
import { labelIn } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { DataTable } from './data-table.tsx'
import { StatsPanel } from './stats-panel.tsx'
import type { StatsResource } from './use-stats-resource.ts'

const unitKeys: Partial<Record<HeadlineKey, MessageKey>> = {
  compounds: 'dash.unit.compounds',
  oldCompounds: 'dash.unit.compounds',
  renovatedOldCompounds: 'dash.unit.compounds',
  householdsBenefiting: 'dash.unit.households',
  residentsBenefiting: 'dash.unit.residents',
}

/** A figure's value as the table shows it: in full (square metres too, the header names the unit). */
function tableValue(key: HeadlineKey, value: number | null, format: NumberFormat): string {
  return formatCell(headlineLabels[key].kind, value, format)
}

function HeadlineCard({ figure, previousYear }: { figure: HeadlineFigure; previousYear: number }) {
  const { t, language, numbers: format } = useI18n()
  const label = headlineLabels[figure.key]
  const shown = headlineValue(figure, format)
  const change = headlineChange(figure, format)
  const unitKey = unitKeys[figure.key]
  const unit = shown.unit || (unitKey ? t(unitKey) : '')
  const isShare = label.kind === 'share'
  return (
    <li
      className={`headline-card${figure.key === 'coverage' ? ' headline-card--key' : ''}`}
      data-figure={figure.key}
    >
      <span className="headline-card__label">{labelIn(label, language)}</span>
      <span className="headline-card__value" title={tableValue(figure.key, figure.value, format)}>
        <span data-value="">{shown.value}</span>
        {unit && <span className="headline-card__unit">{unit}</span>}
      </span>
      {isShare && (
        <span className="headline-card__meter" aria-hidden="true">
          <span style={{ width: `${Math.min(100, figure.value * 100)}%` }} />
        </span>
      )}
      <span className={`headline-card__change headline-card__change--${change.direction}`} data-change="">
        {change.direction === 'none' && (
          <abbr title={t('dash.change.noPrevious')} aria-label={t('dash.change.noPrevious')}>
            —
          </abbr>
        )}
        {change.direction === 'flat' && t('dash.change.flat')}
        {(change.direction === 'up' || change.direction === 'down') && (
          <>
            <span aria-hidden="true">{change.direction === 'up' ? '▲' : '▼'} </span>
            {change.signedAmount}
            {change.ratio && <span className="headline-card__ratio"> {change.ratio}</span>}
          </>
        )}
        <span className="headline-card__since"> {t('dash.change.since', { year: previousYear })}</span>
      </span>
    </li>
  )
}

export interface HeadlinePanelProps {
  filter: StatsFilter
  summary: StatsResource<SummaryResponse>
  /** Where the figures are for: the district, or a street. */
  scope: string
}

export function HeadlinePanel({ filter, summary, scope }: HeadlinePanelProps) {
  const { t, language, numbers: format } = useI18n()
  const data = summary.data
  const tableRows: HeadlineTableRow[] =
    data?.rows.map((figure) => ({ ...figure, label: labelIn(headlineLabels[figure.key], language) })) ?? []
  return (
    <StatsPanel
      id="headline"
      className="panel--wide panel--headline"
      title={t('dash.headline.title')}
      note={data ? t('dash.headline.note', { scope, year: data.asOfYear }) : scope}
      loading={summary.loading}
      error={summary.error}
      hasData={data !== null}
      onRetry={summary.retry}
      download={{ endpoint: 'summary', filter }}
      table={() => (
        <DataTable
          table={summaryTable}
          rows={tableRows}
          rowKey={(row) => row.key}
          text={{
            value: (row) => tableValue(row.key, row.value, format),
            previous: (row) => tableValue(row.key, row.previous, format),
            change: (row) =>
              row.change === null
                ? '—'
                : headlineLabels[row.key].kind === 'share'
                  ? format.points(row.change)
                  : format.signed(row.change),
          }}
        />
      )}
    >
      {data && (
        <ul className="headline-cards" aria-live="polite">
          {data.rows.map((figure) => (
            <HeadlineCard key={figure.key} figure={figure} previousYear={data.previousYear} />
          ))}
        </ul>
      )}
    </StatsPanel>
  )
}
