// What the page shows before the app: nothing until the session is known, the sign-in page when reading needs a
// user and nobody is signed in, the password page while a one-time password must be changed; then the app.
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { LanguageToggle } from '../header/language-toggle.tsx'
import { PasswordChangeForm } from './password-change-form.tsx'
import { RefusalMessage } from './refusal-message.tsx'
import { useSession } from './session-context.tsx'
import { SignInDialog } from './sign-in-dialog.tsx'
import { SignInForm } from './sign-in-form.tsx'
import './session.css'

/** A page of its own before the app (sign-in, password, a page that does not exist): the product name, the language. */
export function GatePage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="gate">
      <header className="app-header">
        <h1 className="app-header__title">{t('app.name')}</h1>
        <LanguageToggle />
      </header>
      <main className="gate__main">
        <section className="gate__card" aria-labelledby="gate-title">
          <h2 id="gate-title">{title}</h2>
          {children}
        </section>
      </main>
    </div>
  )
}

/**
 * `children` is the app; it is keyed by what the caller may read, so a sign-in that narrows or widens the records
 * (a design institute's streets) starts the map afresh, while one that changes only what may be edited does not.
 */
export function AccessGate({ children }: { children: (readScope: string) => ReactNode }) {
  const { t } = useI18n()
  const { state, session, refresh, signOut, signInOpen } = useSession()

  if (state.status === 'loading') {
    return (
      <div className="load-status" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <span>{t('auth.checking')}</span>
      </div>
    )
  }
  if (state.status === 'error') {
    return (
      <GatePage title={t('auth.sessionFailed')}>
        <RefusalMessage error={state.error} />
        <button type="button" className="button" onClick={() => void refresh()}>
          {t('load.retry')}
        </button>
      </GatePage>
    )
  }
  if (!session.user && !session.permissions.includes('read')) {
    return (
      <GatePage title={t('auth.signInTitle')}>
        <p className="muted" data-testid="sign-in-required">
          {t('auth.signInRequired')}
        </p>
        <SignInForm />
      </GatePage>
    )
  }
  if (session.user?.mustChangePassword) {
    return (
      <GatePage title={t('account.password.forcedTitle')}>
        <p className="muted">{t('account.password.forced')}</p>
        <PasswordChangeForm />
        <button type="button" className="button" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </button>
      </GatePage>
    )
  }
  const user = session.user
  const readScope =
    user && session.areaLimited.includes('read')
      ? `streets:${user.id}:${user.streets.map((s) => s.code)}`
      : 'all'
  return (
    <>
      {children(readScope)}
      {signInOpen && <SignInDialog />}
    </>
  )
}
