// Changing one's own password: the current one and the new one twice, checked here with the same rules the API
// applies (at least PASSWORD_MIN_LENGTH characters, not the user name, not the current one).
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@renewal-atlas/domain'
import { type FormEvent, useId, useState } from 'react'
import { type ApiError, asApiError, InvalidInputError } from '../../api/api-error.ts'
import { changePassword } from '../../api/auth.api.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { newPasswordProblem } from './password-rules.ts'
import { RefusalMessage } from './refusal-message.tsx'
import { useSession } from './session-context.tsx'

export function PasswordChangeForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useI18n()
  const { session, refresh } = useSession()
  const id = useId()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeated, setRepeated] = useState('')
  const [problem, setProblem] = useState<MessageKey | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const username = session.user?.username ?? ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(false)
    setError(null)
    const found = !current
      ? 'account.password.currentMissing'
      : newPasswordProblem(username, current, next, repeated)
    setProblem(found ?? null)
    if (found) return
    setBusy(true)
    try {
      await changePassword(current, next)
      setCurrent('')
      setNext('')
      setRepeated('')
      setDone(true)
      await refresh()
      onChanged?.()
    } catch (caught) {
      const apiError = asApiError(caught)
      const wrongCurrent =
        apiError instanceof InvalidInputError &&
        apiError.fieldProblems.some((p) => p.name === 'currentPassword')
      if (wrongCurrent) setProblem('account.password.currentWrong')
      else setError(apiError)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stacked-form" onSubmit={submit} noValidate data-testid="password-form">
      <label htmlFor={`${id}-current`}>{t('account.password.current')}</label>
      <input
        id={`${id}-current`}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <label htmlFor={`${id}-next`}>{t('account.password.new')}</label>
      <input
        id={`${id}-next`}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(event) => setNext(event.target.value)}
        aria-describedby={`${id}-rule`}
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <label htmlFor={`${id}-repeat`}>{t('account.password.repeat')}</label>
      <input
        id={`${id}-repeat`}
        type="password"
        autoComplete="new-password"
        value={repeated}
        onChange={(event) => setRepeated(event.target.value)}
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <p id={`${id}-rule`} className="muted">
        {t('account.password.rule', { min: PASSWORD_MIN_LENGTH })}
      </p>
      {problem && (
        <p className="form-error" role="alert">
          {t(problem, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        </p>
      )}
      {error && <RefusalMessage error={error} />}
      {done && (
        <p className="form-success" role="status">
          {t('account.password.changed')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {t('account.password.submit')}
        </button>
      </div>
    </form>
  )
}
