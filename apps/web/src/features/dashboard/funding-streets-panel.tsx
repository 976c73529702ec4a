// Funding per street, stacked by source; a click on a street chooses it for the whole dashboard.
import { fundingTables, rankFunding, type StatsFilter } from '@renewal-atlas/domain'
import { useMemo } from 'react'
import { statsQueries } from '../../api/stats.queries.ts'
import { fundingStreetsOption } from '../../charts/chart-options.ts'
import { ChartView } from '../../charts/chart-view.tsx'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { DataTable } from './data-table.tsx'
import { useChartReady } from './readiness.tsx'
import { StatsPanel } from './stats-panel.tsx'
import { useFundingWords } from './use-funding-words.ts'
import { useStatsResource } from './use-stats-resource.ts'

export interface FundingStreetsPanelProps {
  filter: StatsFilter
  onChooseStreet: (street: string) => void
}

export function FundingStreetsPanel({ filter, onChooseStreet }: FundingStreetsPanelProps) {
  const { t, numbers: format } = useI18n()
  const words = useFundingWords()
  // Every street is shown, the chosen one highlighted: the comparison is the point of this panel.
  const yearsOnly: StatsFilter = { yearFrom: filter.yearFrom, yearTo: filter.yearTo }
  const funding = useStatsResource(statsQueries.funding('street', yearsOnly))
  const rows = funding.data?.groupBy === 'street' ? funding.data.rows : null
  const ranked = useMemo(() => (rows ? rankFunding(rows) : []), [rows])
  const option = useMemo(
    () => rows && fundingStreetsOption(rows, words, format, filter.street),
    [rows, words, format, filter.street],
  )
  const chartReady = useChartReady('chart:funding-streets')
  return (
    <StatsPanel
      id="funding-streets"
      title={t('dash.fundingStreets.title')}
      note={t('dash.fundingStreets.note')}
      loading={funding.loading}
      error={funding.error}
      hasData={rows !== null}
      onRetry={funding.retry}
      download={{ endpoint: 'funding', filter: yearsOnly, extra: { groupBy: 'street' } }}
      table={() => <DataTable table={fundingTables.street} rows={ranked} rowKey={(r) => r.key} />}
    >
      {option && (
        <ChartView
          option={option}
          height={Math.max(240, ranked.length * 24 + 48)}
          label={t('dash.fundingStreets.chartLabel')}
          onItemClick={(item) => {
            const street = ranked[item.dataIndex]?.key
            if (street) onChooseStreet(street)
          }}
          onRenderedChange={chartReady}
        />
      )}
    </StatsPanel>
  )
}
