// The sign-in form (user name and password) of both the dialog and the sign-in page: it explains a wrong
// password and too many attempts, and on a demo server says where the demo accounts' passwords are printed.
import { type FormEvent, useId, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { explainRefusal } from './refusal.ts'
import { useSession } from './session-context.tsx'
import './session.css'

export function SignInForm({ autoFocus = true }: { autoFocus?: boolean }) {
  const { t } = useI18n()
  const { signIn, session } = useSession()
  const id = useId()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [missing, setMissing] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (!username.trim() || !password) {
      setMissing(true)
      return
    }
    setMissing(false)
    setBusy(true)
    try {
      await signIn(username.trim(), password)
    } catch (caught) {
      setError(asApiError(caught))
      setPassword('')
    } finally {
      setBusy(false)
    }
  }

  const explanation = error ? explainRefusal(error) : null
  return (
    <form className="sign-in-form" onSubmit={submit} noValidate aria-describedby={`${id}-hint`}>
      <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
      <input
        id={`${id}-username`}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: the dialog and page exist to sign in; the name is the first thing typed
        autoFocus={autoFocus}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        aria-invalid={missing && !username.trim()}
      />
      <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-invalid={missing && !password}
      />
      {missing && (
        <p className="form-error" role="alert">
          {t('auth.missing')}
        </p>
      )}
      {explanation && (
        <p className="form-error" role="alert" data-refusal={explanation.key}>
          {t(explanation.key, { role: '', ...explanation.params })}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
        {busy ? t('auth.signingIn') : t('auth.signIn')}
      </button>
      <p id={`${id}-hint`} className="muted sign-in-form__hint">
        {session.demoAccounts ? t('auth.demoHint') : t('auth.hint')}
      </p>
    </form>
  )
}
