// The review list (待核查): compounds built by the cut-off year but not on the old-compound register, paged,
// each with 定位 to open it on the map.
import { reviewTable, type StatsFilter } from '@renewal-atlas/domain'
import { useState } from 'react'
import { statsQueries } from '../../api/stats.queries.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { encodeUrlState } from '../../routing/url-state.ts'
import { DataTable } from './data-table.tsx'
import { StatsPanel } from './stats-panel.tsx'
import { useStatsResource } from './use-stats-resource.ts'

const pageSize = 10

export interface ReviewListPanelProps {
  street: string | undefined
  onLocateCompound: (compoundId: number) => void
}

export function ReviewListPanel({ street, onLocateCompound }: ReviewListPanelProps) {
  const { t, language, numbers: format } = useI18n()
  // The page belongs to a street: another street starts at its first page.
  const [page, setPage] = useState<{ street: string | undefined; offset: number }>({ street, offset: 0 })
  const offset = page.street === street ? page.offset : 0
  const setOffset = (next: number) => setPage({ street, offset: next })
  const list = useStatsResource(statsQueries.reviewList(street, { limit: pageSize, offset }))
  const data = list.data
  const filter: StatsFilter = street ? { street } : {}
  const matched = data?.numberMatched ?? 0
  const first = matched === 0 ? 0 : offset + 1
  const last = Math.min(offset + pageSize, matched)

  return (
    <StatsPanel
      id="review-list"
      className="panel--review"
      title={t('dash.review.title')}
      note={
        data
          ? t('dash.review.note', { cutoff: data.cutoffYear, count: format.count(data.numberMatched) })
          : undefined
      }
      loading={list.loading}
      error={list.error}
      hasData={data !== null}
      onRetry={list.retry}
      download={{ endpoint: 'review-list', filter }}
      footer={
        data && (
          <nav className="pager" aria-label={t('dash.review.pages')}>
            <span className="pager__status" aria-live="polite">
              {t('dash.review.range', {
                first: format.count(first),
                last: format.count(last),
                total: format.count(matched),
              })}
            </span>
            <button
              type="button"
              className="button"
              disabled={offset === 0 || list.loading}
              onClick={() => setOffset(Math.max(0, offset - pageSize))}
            >
              {t('dash.review.previous')}
            </button>
            <button
              type="button"
              className="button"
              disabled={offset + pageSize >= matched || list.loading}
              onClick={() => setOffset(offset + pageSize)}
            >
              {t('dash.review.next')}
            </button>
          </nav>
        )
      }
    >
      {data && data.rows.length === 0 ? (
        <p className="muted">{t('dash.review.empty')}</p>
      ) : (
        <DataTable
          table={reviewTable}
          rows={data?.rows ?? []}
          rowKey={(row) => String(row.id)}
          hide={['address']}
          action={{
            header: t('dash.review.locateHeader'),
            render: (row) => (
              <a
                href={`#${encodeUrlState({ theme: 'status', filters: {}, compoundId: row.id, language })}`}
                className="locate-link"
                onClick={(event) => {
                  event.preventDefault()
                  onLocateCompound(row.id)
                }}
                aria-label={t('dash.review.locateLabel', { name: row.name })}
              >
                {t('dash.review.locate')}
              </a>
            ),
          }}
        />
      )}
    </StatsPanel>
  )
}
