// Compounds by build decade: on the old-compound register, built by the cut-off year but not on it (to review),
// and the rest. The year range does not apply: this is the stock of compounds.
import { buildEraTable, type StatsFilter } from '@renewal-atlas/domain'
import { useMemo } from 'react'
import { statsQueries } from '../../api/stats.queries.ts'
import { buildEraOption, type EraWords } from '../../charts/chart-options.ts'
import { ChartView } from '../../charts/chart-view.tsx'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { DataTable } from './data-table.tsx'
import { useChartReady } from './readiness.tsx'
import { StatsPanel } from './stats-panel.tsx'
import { useStatsResource } from './use-stats-resource.ts'

export interface BuildEraPanelProps {
  filter: StatsFilter
  nationalCutoffYear: number | null
}

export function BuildEraPanel({ filter, nationalCutoffYear }: BuildEraPanelProps) {
  const { t, numbers: format } = useI18n()
  const streetOnly: StatsFilter = filter.street ? { street: filter.street } : {}
  const era = useStatsResource(statsQueries.buildEra(streetOnly))
  const data = era.data
  const cutoff = data?.cutoffYear
  const words = useMemo<EraWords>(
    () => ({
      stacks: {
        onRegister: t('dash.era.onRegister'),
        review: t('dash.era.review', { year: cutoff ?? '' }),
        other: t('dash.era.other'),
      },
      unknown: t('dash.era.unknown'),
      decade: (start) => t('dash.era.decade', { decade: start }),
    }),
    [t, cutoff],
  )
  const option = useMemo(() => data && buildEraOption(data.rows, words, format), [data, words, format])
  const chartReady = useChartReady('chart:build-era')
  return (
    <StatsPanel
      id="build-era"
      title={t('dash.era.title')}
      note={
        cutoff !== undefined ? t('dash.era.note', { cutoff, national: nationalCutoffYear ?? '—' }) : undefined
      }
      loading={era.loading}
      error={era.error}
      hasData={data !== null}
      onRetry={era.retry}
      download={{ endpoint: 'build-era', filter: streetOnly }}
      table={() => (
        <DataTable
          table={buildEraTable}
          rows={data?.rows ?? []}
          rowKey={(row) => row.key}
          text={{ name: (row) => (row.key === 'unknown' ? t('dash.era.unknown') : row.name) }}
        />
      )}
    >
      {option && (
        <ChartView
          option={option}
          height={280}
          label={t('dash.era.chartLabel')}
          onRenderedChange={chartReady}
        />
      )}
    </StatsPanel>
  )
}
