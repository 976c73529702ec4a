// A failed request explained in the user's language, with what they can do about it (sign in, reload).
import type { ApiError } from '../../api/api-error.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { explainRefusal } from './refusal.ts'
import { useSession } from './session-context.tsx'

export function RefusalMessage({ error, className }: { error: ApiError; className?: string }) {
  const { t, language } = useI18n()
  const { openSignIn, session } = useSession()
  const explanation = explainRefusal(error)
  const role = session.user ? (language === 'en' ? session.user.roleLabel.en : session.user.roleLabel.zh) : ''
  const { problemDetail, fieldProblems } = error.details
  return (
    <div className={`refusal ${className ?? ''}`} role="alert" data-refusal={explanation.key}>
      <p className="refusal__text">
        {t(explanation.key, { role, ...explanation.params })}
        {explanation.remedy === 'signIn' && (
          <>
            {' '}
            <button type="button" className="button" onClick={openSignIn}>
              {t('auth.signIn')}
            </button>
          </>
        )}
        {explanation.remedy === 'reload' && (
          <>
            {' '}
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </button>
          </>
        )}
      </p>
      {fieldProblems && fieldProblems.length > 0 ? (
        <ul className="refusal__fields">
          {fieldProblems.map((problem) => (
            <li key={`${problem.name}:${problem.reason}`}>
              <code>{problem.name}</code>: {problem.reason}
            </li>
          ))}
        </ul>
      ) : (
        problemDetail && <p className="refusal__detail">{problemDetail}</p>
      )}
    </div>
  )
}
