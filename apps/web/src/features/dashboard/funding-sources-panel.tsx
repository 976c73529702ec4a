// Funding by source (fiscal, enterprise, residents, social capital) of the projects counted by the filter.
import { fundingTables, type StatsFilter } from '@renewal-atlas/domain'
import { useMemo } from 'react'
import { statsQueries } from '../../api/stats.queries.ts'
import { fundingSourcesOption } from '../../charts/chart-options.ts'
import { ChartView } from '../../charts/chart-view.tsx'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { DataTable } from './data-table.tsx'
import { useChartReady } from './readiness.tsx'
import { StatsPanel } from './stats-panel.tsx'
import { useFundingWords } from './use-funding-words.ts'
import { useStatsResource } from './use-stats-resource.ts'

export function FundingSourcesPanel({ filter, scope }: { filter: StatsFilter; scope: string }) {
  const { t, numbers: format } = useI18n()
  const words = useFundingWords()
  const funding = useStatsResource(statsQueries.funding('district', filter))
  // Under a street filter the district row holds that street's projects.
  const row = funding.data?.rows[0] ?? null
  const option = useMemo(() => row && fundingSourcesOption(row, words, format), [row, words, format])
  const chartReady = useChartReady('chart:funding-sources')
  return (
    <StatsPanel
      id="funding-sources"
      title={t('dash.funding.title')}
      note={
        row
          ? t('dash.funding.note', {
              scope,
              total: format.money(row.total),
              projects: format.count(row.projects),
            })
          : undefined
      }
      loading={funding.loading}
      error={funding.error}
      hasData={funding.data !== null}
      onRetry={funding.retry}
      download={{ endpoint: 'funding', filter, extra: { groupBy: 'district' } }}
      table={() => (
        <DataTable table={fundingTables.district} rows={funding.data?.rows ?? []} rowKey={(r) => r.key} />
      )}
    >
      {option ? (
        <ChartView
          option={option}
          height={220}
          label={t('dash.funding.chartLabel')}
          onRenderedChange={chartReady}
        />
      ) : (
        <p className="muted">{t('dash.noData')}</p>
      )}
    </StatsPanel>
  )
}
