// Previous / next over a paged list, with "第 1–50 条，共 120 条".
import { useI18n } from '../i18n/i18n-context.tsx'

export function Pager({
  offset,
  limit,
  total,
  shown,
  onOffset,
}: {
  offset: number
  limit: number
  total: number
  shown: number
  onOffset: (offset: number) => void
}) {
  const { t, formatNumber } = useI18n()
  if (total === 0) return null
  return (
    <nav className="pager" aria-label={t('page.pages')}>
      <span>
        {t('page.range', {
          first: formatNumber(offset + 1),
          last: formatNumber(offset + shown),
          total: formatNumber(total),
        })}
      </span>
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - limit))}
      >
        {t('dash.review.previous')}
      </button>
      <button
        type="button"
        className="button"
        disabled={offset + shown >= total}
        onClick={() => onOffset(offset + limit)}
      >
        {t('dash.review.next')}
      </button>
    </nav>
  )
}
