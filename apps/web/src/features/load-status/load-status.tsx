// The loading indicator and the readable error message shown over the map.
import type { ApiError } from '../../api/api-error.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'

/** A spinner with what is loading: the map's data unless told otherwise. */
export function LoadingIndicator({ message = 'load.loading' }: { message?: MessageKey }) {
  const { t } = useI18n()
  return (
    <div className="load-status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{t(message)}</span>
    </div>
  )
}

const messageKeyOf: Record<ApiError['kind'], MessageKey> = {
  network: 'load.errorNetwork',
  http: 'load.errorHttp',
  invalid_response: 'load.errorInvalid',
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n()
  const { problemTitle, problemDetail, status, url } = error.details
  const technical = [problemTitle, problemDetail, error.message, url].filter(Boolean)
  return (
    <div className="load-status load-status--error" role="alert">
      <h2>{t('load.errorTitle')}</h2>
      <p>{t(messageKeyOf[error.kind], { status: status ?? '' })}</p>
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
      <button type="button" onClick={onRetry}>
        {t('load.retry')}
      </button>
    </div>
  )
}
