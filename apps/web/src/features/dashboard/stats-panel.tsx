// The frame of every dashboard panel: title, controls, the chart/table switch, CSV and Excel downloads (for roles
// that may export), and
// the panel's own loading and error states (with retry). It reports the panel's readiness.
import type { StatsFilter } from '@renewal-atlas/domain'
import { type ReactNode, useId, useState } from 'react'
import type { ApiError } from '../../api/api-error.ts'
import { type StatsTableEndpoint, statsDownloadUrl } from '../../api/stats.api.ts'
import { formatLanguage } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { useSession } from '../session/session-context.tsx'
import { useReportReady } from './readiness.tsx'
import { Segmented } from './segmented.tsx'

export interface PanelDownload {
  endpoint: StatsTableEndpoint
  filter: StatsFilter
  extra?: Record<string, string | number | undefined>
}

export interface StatsPanelProps {
  /** Names the panel in `data-panel` and in the readiness hook. */
  id: string
  title: ReactNode
  /** A line under the title: what is counted, as of when. */
  note?: ReactNode
  loading: boolean
  error: ApiError | null
  hasData: boolean
  onRetry: () => void
  controls?: ReactNode
  download?: PanelDownload
  /** The data table of the chart; with it the panel offers a chart/table switch. */
  table?: () => ReactNode
  footer?: ReactNode
  className?: string
  children: ReactNode
}

const errorKeyOf: Record<ApiError['kind'], MessageKey> = {
  network: 'load.errorNetwork',
  http: 'load.errorHttp',
  invalid_response: 'load.errorInvalid',
}

export function PanelError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n()
  const { problemTitle, problemDetail, status, url } = error.details
  const technical = [problemTitle, problemDetail, error.message, url].filter(Boolean)
  return (
    <div className="panel-error" role="alert">
      <p className="panel-error__title">{t('dash.panelError')}</p>
      <p>{t(errorKeyOf[error.kind], { status: status ?? '' })}</p>
      <details>
        <summary>{t('load.errorTechnical')}</summary>
        <ul>
          {technical.map((line) => (
            <li key={line}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      </details>
      <button type="button" className="button" onClick={onRetry}>
        {t('dash.retry')}
      </button>
    </div>
  )
}

export function DownloadLinks({ endpoint, filter, extra }: PanelDownload) {
  const { t, language } = useI18n()
  const lang = formatLanguage(language)
  return (
    <span className="downloads">
      <a className="download-link" href={statsDownloadUrl(endpoint, filter, 'csv', lang, extra)} download>
        {t('dash.downloadCsv')}
      </a>
      <a className="download-link" href={statsDownloadUrl(endpoint, filter, 'xlsx', lang, extra)} download>
        {t('dash.downloadExcel')}
      </a>
    </span>
  )
}

export function StatsPanel(props: StatsPanelProps) {
  const { id, title, note, loading, error, hasData, onRetry, controls, download, table, footer } = props
  const { t } = useI18n()
  const { permits } = useSession()
  const headingId = useId()
  const [view, setView] = useState<'chart' | 'table'>('chart')
  useReportReady(`panel:${id}`, !loading && error === null && hasData)

  return (
    <section
      className={`panel ${props.className ?? ''}`}
      aria-labelledby={headingId}
      aria-busy={loading}
      data-panel={id}
    >
      <header className="panel__head">
        <div className="panel__titles">
          <h3 id={headingId} className="panel__title">
            {title}
          </h3>
          {note && <p className="panel__note">{note}</p>}
        </div>
        <div className="panel__tools no-print no-capture">
          {controls}
          {table && (
            <Segmented
              label={t('dash.viewAs')}
              value={view}
              onChange={setView}
              options={[
                { value: 'chart', label: t('dash.viewChart') },
                { value: 'table', label: t('dash.viewTable') },
              ]}
            />
          )}
          {download && permits('export') && <DownloadLinks {...download} />}
        </div>
      </header>
      <div className={`panel__body${loading && hasData ? ' panel__body--stale' : ''}`}>
        {error && <PanelError error={error} onRetry={onRetry} />}
        {!error && !hasData && (
          <div className="panel__loading" role="status">
            <span className="spinner" aria-hidden="true" />
            <span>{t('dash.loading')}</span>
          </div>
        )}
        {!error && hasData && (view === 'table' && table ? table() : props.children)}
        {!error && hasData && loading && <span className="spinner panel__spinner" aria-hidden="true" />}
      </div>
      {footer && !error && hasData && <div className="panel__footer">{footer}</div>}
    </section>
  )
}
