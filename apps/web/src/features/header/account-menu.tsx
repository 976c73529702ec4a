// The header's account corner: 登录 for a visitor; for a user their name and role, and a menu of what their role
// may do: 修改密码, 访问令牌, and for administrators 用户管理, 操作日志, 已删除小区; then 退出登录.
import type { RouteAccessKey } from '@renewal-atlas/domain'
import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import type { AccountView } from '../../routing/url-state.ts'
import { useSession } from '../session/session-context.tsx'

/** Where a menu entry leads: a page, and on the account page the section to show first. */
export interface AccountTarget {
  view: AccountView
  section?: 'password' | 'tokens'
}

interface Entry {
  key: MessageKey
  target: AccountTarget
  route: RouteAccessKey
}

const entries: Entry[] = [
  {
    key: 'menu.password',
    target: { view: 'account', section: 'password' },
    route: 'POST /api/v1/auth/password',
  },
  { key: 'menu.tokens', target: { view: 'account', section: 'tokens' }, route: 'GET /api/v1/tokens' },
  { key: 'menu.users', target: { view: 'users' }, route: 'GET /api/v1/users' },
  { key: 'menu.audit', target: { view: 'audit' }, route: 'GET /api/v1/audit' },
  { key: 'menu.deleted', target: { view: 'deleted' }, route: 'GET /api/v1/deleted-compounds' },
]

export function AccountMenu({
  onOpen,
  onSignedOut,
}: {
  onOpen: (target: AccountTarget) => void
  onSignedOut: () => void
}) {
  const { t, language } = useI18n()
  const { session, openSignIn, signOut, mayUseRoute } = useSession()
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const containerRef = useRef<HTMLDivElement>(null)
  const user = session.user

  // An open menu closes on Escape (focus back on its button), on a click elsewhere, or when focus leaves it.
  useEffect(() => {
    const container = containerRef.current
    if (!open || !container) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      buttonRef.current?.focus()
    }
    const onPointer = (event: PointerEvent) => {
      if (!container.contains(event.target as Node)) setOpen(false)
    }
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget && !container.contains(event.relatedTarget as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    container.addEventListener('focusout', onFocusOut)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
      container.removeEventListener('focusout', onFocusOut)
    }
  }, [open])

  if (!user) {
    return (
      <button type="button" className="header-button" onClick={openSignIn} data-testid="sign-in-button">
        {t('auth.signIn')}
      </button>
    )
  }

  const close = () => setOpen(false)
  const role = language === 'en' ? user.roleLabel.en : user.roleLabel.zh
  const shown = entries.filter((entry) => mayUseRoute(entry.route))

  return (
    <div className="account-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="header-button account-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        data-testid="account-button"
        data-role={user.role}
      >
        <span className="account-menu__name">{user.displayName ?? user.username}</span>
        <span className="account-menu__role">{role}</span>
        {user.demo && <span className="account-menu__demo">{t('auth.demoAccount')}</span>}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul id={menuId} className="account-menu__list">
          {shown.map((entry) => (
            <li key={entry.key}>
              <button
                type="button"
                className="account-menu__item"
                onClick={() => {
                  close()
                  onOpen(entry.target)
                }}
              >
                {t(entry.key)}
              </button>
            </li>
          ))}
          <li className="account-menu__separator">
            <button
              type="button"
              className="account-menu__item"
              onClick={async () => {
                close()
                await signOut()
                onSignedOut()
              }}
            >
              {t('auth.signOut')}
            </button>
          </li>
        </ul>
      )}
    </div>
  )
}
