// A refused export or import explained: a file the server would not take (too large, not a format it reads, not
// readable or not valid) gets its own sentence and the server's reason; anything else reads like every refusal.
import type { ApiError } from '../../api/api-error.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { RefusalMessage } from '../session/refusal-message.tsx'

const fileRefusals: Partial<Record<number, MessageKey>> = {
  413: 'exchange.problem.tooLarge',
  415: 'exchange.problem.unsupported',
  422: 'exchange.problem.unreadable',
}

export function ExchangeProblem({ error }: { error: ApiError }) {
  const { t } = useI18n()
  const { status, problemCode, problemDetail } = error.details
  const key =
    problemCode === 'import_invalid' ? 'exchange.problem.invalidFeatures' : fileRefusals[status ?? 0]
  if (!key) return <RefusalMessage error={error} />
  return (
    <div className="refusal" role="alert" data-refusal={key} data-problem-code={problemCode}>
      <p className="refusal__text">{t(key)}</p>
      {problemDetail && <p className="refusal__detail">{problemDetail}</p>}
    </div>
  )
}
