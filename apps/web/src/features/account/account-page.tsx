// 我的账户 (#view=account): who I am (role, streets), 修改密码, and 访问令牌.
import { useEffect } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { PageFrame } from '../../ui/page-frame.tsx'
import { PasswordChangeForm } from '../session/password-change-form.tsx'
import { RouteGuard } from '../session/route-guard.tsx'
import { useSession } from '../session/session-context.tsx'
import { TokenSection } from './token-section.tsx'

export function AccountPage({ section, onBack }: { section?: 'password' | 'tokens'; onBack: () => void }) {
  const { t, language } = useI18n()
  const { session } = useSession()
  const user = session.user

  useEffect(() => {
    if (section) document.getElementById(`account-${section}`)?.scrollIntoView({ block: 'start' })
  }, [section])

  return (
    <PageFrame title={t('account.title')} onBack={onBack} testId="account-page">
      <RouteGuard route="GET /api/v1/tokens">
        {user && (
          <section className="page__section" aria-labelledby="account-who">
            <h3 id="account-who">{t('account.who')}</h3>
            <dl className="attributes">
              <dt>{t('auth.username')}</dt>
              <dd>{user.username}</dd>
              <dt>{t('users.displayName')}</dt>
              <dd>{user.displayName ?? t('details.unknown')}</dd>
              <dt>{t('users.role')}</dt>
              <dd>{language === 'en' ? user.roleLabel.en : user.roleLabel.zh}</dd>
              <dt>{t('users.streets')}</dt>
              <dd>
                {user.streets.length ? user.streets.map((s) => s.name).join('、') : t('users.allStreets')}
              </dd>
            </dl>
          </section>
        )}
        <section className="page__section" id="account-password" aria-labelledby="account-password-title">
          <h3 id="account-password-title">{t('menu.password')}</h3>
          <PasswordChangeForm />
        </section>
        <section className="page__section" id="account-tokens" aria-labelledby="account-tokens-title">
          <h3 id="account-tokens-title">{t('menu.tokens')}</h3>
          <TokenSection />
        </section>
      </RouteGuard>
    </PageFrame>
  )
}
