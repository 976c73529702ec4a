// A page shown only to those whose role may use its route; others read why (sign in first, or the role may not).
import type { RouteAccessKey } from '@renewal-atlas/domain'
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { useSession } from './session-context.tsx'

export function RouteGuard({ route, children }: { route: RouteAccessKey; children: ReactNode }) {
  const { t, language } = useI18n()
  const { session, mayUseRoute, openSignIn } = useSession()
  if (mayUseRoute(route)) return children
  if (!session.user) {
    return (
      <div className="refusal" role="alert" data-refusal="refusal.signIn">
        <p className="refusal__text">
          {t('refusal.signIn')}{' '}
          <button type="button" className="button" onClick={openSignIn}>
            {t('auth.signIn')}
          </button>
        </p>
      </div>
    )
  }
  const role = language === 'en' ? session.user.roleLabel.en : session.user.roleLabel.zh
  return (
    <div className="refusal" role="alert" data-refusal="refusal.role">
      <p className="refusal__text">{t('refusal.role', { role })}</p>
    </div>
  )
}
