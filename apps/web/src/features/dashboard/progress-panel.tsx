// Progress over time: renovated per year (bars), cumulative (line) and the target line (dashed), with the pace
// the target requires and the recent pace stated in words.
import { type ProgressResponse, progressTable, type StatsFilter } from '@renewal-atlas/domain'
import { useMemo, useState } from 'react'
import { statsQueries } from '../../api/stats.queries.ts'
import { type ProgressMetric, progressOption } from '../../charts/chart-options.ts'
import { ChartView } from '../../charts/chart-view.tsx'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { DataTable } from './data-table.tsx'
import { useChartReady } from './readiness.tsx'
import { Segmented } from './segmented.tsx'
import type { StatsFormat } from './stats-format.ts'
import { StatsPanel } from './stats-panel.tsx'
import { useStatsFormat } from './use-stats-format.ts'
import { useStatsResource } from './use-stats-resource.ts'

/** The target and the pace it asks for, against the pace of the last three years, in a sentence or two. */
function PaceStatement({ progress, format }: { progress: ProgressResponse; format: StatsFormat }) {
  const { t, language } = useI18n()
  const { target, targetCompounds, requiredPerYear, recentPerYear, asOfYear } = progress
  const last = progress.rows.at(-1)
  const cumulative = last?.cumulativeRenovatedOldCompounds ?? 0
  const pace = (value: number) => format.decimal(value, 1)
  if (!target || targetCompounds === null) {
    return <p className="pace">{t('dash.progress.noTarget', { recent: pace(recentPerYear) })}</p>
  }
  const name = language === 'en' ? target.nameEn : target.name
  let verdict: string
  let tone: 'ok' | 'behind'
  if (requiredPerYear === null) {
    const gap = Math.max(0, targetCompounds - cumulative)
    tone = gap === 0 ? 'ok' : 'behind'
    verdict =
      gap === 0 ? t('dash.progress.targetMet') : t('dash.progress.targetMissed', { gap: format.int(gap) })
  } else {
    tone = requiredPerYear <= recentPerYear ? 'ok' : 'behind'
    verdict = t(tone === 'ok' ? 'dash.progress.onPace' : 'dash.progress.behindPace', {
      required: pace(requiredPerYear),
      recent: pace(recentPerYear),
      from: asOfYear + 1,
      to: target.year,
    })
  }
  return (
    <div className="pace" data-testid="pace">
      <p>
        {t('dash.progress.target', {
          name,
          count: format.int(targetCompounds),
          year: target.year,
        })}
        {target.synthetic && <span className="tag">{t('dash.progress.synthetic')}</span>}
      </p>
      <p className={`pace__verdict pace__verdict--${tone}`}>{verdict}</p>
    </div>
  )
}

export function ProgressPanel({ filter }: { filter: StatsFilter }) {
  const { t, language } = useI18n()
  const format = useStatsFormat()
  const [metric, setMetric] = useState<ProgressMetric>('compounds')
  const progress = useStatsResource(statsQueries.progress(filter))
  const data = progress.data
  const targetName = data?.target ? (language === 'en' ? data.target.nameEn : data.target.name) : ''
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
          target: t('dash.progress.targetLine', { name: targetName }),
          perYearAxis: t('dash.progress.perYearAxis'),
          cumulativeAxis: t('dash.progress.cumulativeAxis'),
        },
        format,
      ),
    [data, metric, t, targetName, format],
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
      footer={data && <PaceStatement progress={data} format={format} />}
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
