// Progress over time on one axis: renovated per year (bars), cumulative (line), the straight-line target path
// (dashed) and the cumulative projected at the recent pace (dotted), with the gap to the path today marked. Under
// it, the domain's words: the target, the standing against the path, the pace and a verdict weighing both.
import {
  describeProgress,
  type ProgressResponse,
  progressChartWords,
  progressTable,
  type StatsFilter,
} from '@renewal-atlas/domain'
import { useMemo, useState } from 'react'
import { statsQueries } from '../../api/stats.queries.ts'
import { type ProgressMetric, progressOption } from '../../charts/chart-options.ts'
import { ChartView } from '../../charts/chart-view.tsx'
import { formatLanguage } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { DataTable } from './data-table.tsx'
import { useChartReady } from './readiness.tsx'
import { Segmented } from './segmented.tsx'
import { StatsPanel } from './stats-panel.tsx'
import { useStatsResource } from './use-stats-resource.ts'

/** The target, where the count stands against the path today, the pace, and the verdict in its tone's colour. */
function PaceStatement({ progress }: { progress: ProgressResponse }) {
  const { t, language } = useI18n()
  const words = describeProgress(progress, formatLanguage(language))
  return (
    <div className="pace" data-testid="pace" data-verdict={progress.outlook.verdict}>
      {words.target && (
        <p>
          {words.target}
          {progress.target?.synthetic && <span className="tag">{t('dash.progress.synthetic')}</span>}
        </p>
      )}
      {words.path && <p data-testid="pace-path">{words.path}</p>}
      <p data-testid="pace-pace">{words.pace}</p>
      {words.verdict && (
        <p className={`pace__verdict pace__verdict--${words.tone}`} data-testid="pace-verdict">
          {words.verdict}
        </p>
      )}
    </div>
  )
}

export function ProgressPanel({ filter }: { filter: StatsFilter }) {
  const { t, language, numbers: format } = useI18n()
  const [metric, setMetric] = useState<ProgressMetric>('compounds')
  const progress = useStatsResource(statsQueries.progress(filter))
  const data = progress.data
  const chartWords = useMemo(() => progressChartWords(formatLanguage(language)), [language])
  const option = useMemo(
    () =>
      data &&
      progressOption(
        data,
        metric,
        {
          perYear: metric === 'compounds' ? t('dash.progress.perYear') : t('dash.progress.perYearHouseholds'),
          cumulative:
            metric === 'compounds' ? t('dash.progress.cumulative') : t('dash.progress.cumulativeHouseholds'),
          axis: metric === 'compounds' ? t('dash.progress.axisCompounds') : t('dash.progress.axisHouseholds'),
          chart: chartWords,
        },
        format,
      ),
    [data, metric, t, chartWords, format],
  )
  const chartReady = useChartReady('chart:progress')
  return (
    <StatsPanel
      id="progress"
      title={t('dash.progress.title')}
      note={data ? t('dash.progress.note', { year: data.asOfYear }) : undefined}
      loading={progress.loading}
      error={progress.error}
      hasData={data !== null}
      onRetry={progress.retry}
      controls={
        <Segmented
          label={t('dash.progress.metric')}
          value={metric}
          onChange={setMetric}
          options={[
            { value: 'compounds', label: t('dash.progress.metricCompounds') },
            { value: 'households', label: t('dash.progress.metricHouseholds') },
          ]}
        />
      }
      download={{ endpoint: 'progress', filter }}
      table={() => (
        <DataTable table={progressTable} rows={data?.rows ?? []} rowKey={(row) => String(row.year)} />
      )}
      footer={data && <PaceStatement progress={data} />}
    >
      {option && (
        <ChartView
          option={option}
          height={300}
          label={t('dash.progress.chartLabel')}
          onRenderedChange={chartReady}
        />
      )}
    </StatsPanel>
  )
}
