// Renovation content: items by category (基础/完善/提升/安全) or by item type, as counts or money.
import {
  type ContentGroupBy,
  type ContentMeasure,
  type ContentRow,
  contentCategoryOrder,
  contentTables,
  itemCategory,
  itemCategoryColours,
  itemType,
  rankContent,
  type StatsFilter,
} from '@renewal-atlas/domain'
import { useCallback, useMemo, useState } from 'react'
import { statsQueries } from '../../api/stats.queries.ts'
import { type ContentWords, contentOption } from '../../charts/chart-options.ts'
import { ChartView } from '../../charts/chart-view.tsx'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { DataTable } from './data-table.tsx'
import { useChartReady } from './readiness.tsx'
import { Segmented } from './segmented.tsx'
import { StatsPanel } from './stats-panel.tsx'
import { useStatsResource } from './use-stats-resource.ts'

export function ContentPanel({ filter }: { filter: StatsFilter }) {
  const { t, language, numbers: format } = useI18n()
  const [groupBy, setGroupBy] = useState<ContentGroupBy>('category')
  const [measure, setMeasure] = useState<ContentMeasure>('money')
  const content = useStatsResource(statsQueries.content(groupBy, filter))
  const rows = content.data?.groupBy === groupBy ? content.data.rows : null
  const nameOf = useCallback(
    (row: ContentRow) => {
      // The API names rows in Chinese; the label tables have both languages.
      const labels = groupBy === 'category' ? itemCategory.labels : itemType.labels
      return language === 'zh-CN' ? row.name : domainLabel(labels, row.key, language)
    },
    [groupBy, language],
  )
  const words = useMemo<ContentWords>(
    () => ({
      items: t('dash.content.items'),
      projects: t('dash.content.projects'),
      cost: t('dash.content.cost'),
      share: t('dash.content.share'),
    }),
    [t],
  )
  const option = useMemo(
    () => rows && contentOption(rows, measure, nameOf, words, format),
    [rows, measure, nameOf, words, format],
  )
  const chartReady = useChartReady('chart:content')
  const total = rows?.reduce((sum, row) => sum + row.costYuan, 0) ?? 0
  const items = rows?.reduce((sum, row) => sum + row.items, 0) ?? 0
  const height = Math.max(280, (rows?.length ?? 4) * 24 + 24)

  return (
    <StatsPanel
      id="content"
      title={t('dash.content.title')}
      note={
        rows
          ? t('dash.content.note', {
              items: format.count(items),
              money: format.money(total),
            })
          : undefined
      }
      loading={content.loading}
      error={content.error}
      hasData={rows !== null}
      onRetry={content.retry}
      controls={
        <>
          <Segmented
            label={t('dash.content.groupBy')}
            value={groupBy}
            onChange={setGroupBy}
            options={[
              { value: 'category', label: t('dash.content.byCategory') },
              { value: 'itemType', label: t('dash.content.byItemType') },
            ]}
          />
          <Segmented
            label={t('dash.content.measure')}
            value={measure}
            onChange={setMeasure}
            options={[
              { value: 'items', label: t('dash.content.measureItems') },
              { value: 'money', label: t('dash.content.measureMoney') },
            ]}
          />
        </>
      }
      download={{ endpoint: 'renovation-content', filter, extra: { groupBy } }}
      table={() => (
        <DataTable
          table={contentTables[groupBy]}
          rows={rows ? rankContent(rows, measure) : []}
          rowKey={(row) => row.key}
          text={{ name: nameOf }}
        />
      )}
      footer={
        <ul className="class-legend" aria-label={t('dash.content.categories')}>
          {contentCategoryOrder(rows ? rankContent(rows, measure) : [], itemCategory.values).map(
            (category) => (
              <li key={category}>
                <span
                  className="legend__swatch"
                  style={{ backgroundColor: itemCategoryColours[category] }}
                  aria-hidden="true"
                />
                {domainLabel(itemCategory.labels, category, language)}
              </li>
            ),
          )}
        </ul>
      }
    >
      {option && (
        <ChartView
          option={option}
          height={height}
          label={t(
            groupBy === 'category' ? 'dash.content.chartLabelCategory' : 'dash.content.chartLabelType',
          )}
          onRenderedChange={chartReady}
        />
      )}
    </StatsPanel>
  )
}
