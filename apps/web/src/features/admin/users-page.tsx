// 用户管理 (#view=users): every account with its role, streets and state; a new account (its one-time password is
// shown once), changes with If-Match, and resetting a password to a new one-time one.
import { AREA_LIMITED, role as roleEnum, USERNAME_PATTERN, type UserRecord } from '@renewal-atlas/domain'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { useCreateUser, useResetUserPassword, userQueries } from '../../api/users.queries.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { CopyButton } from '../../ui/copy-button.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { PageFrame } from '../../ui/page-frame.tsx'
import { Pager } from '../../ui/pager.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { RouteGuard } from '../session/route-guard.tsx'
import { type StreetOption, StreetPicker } from './street-picker.tsx'
import { UserEditDialog } from './user-edit-dialog.tsx'

const pageSize = 50

/** A one-time password to show once: for a new user or after a reset. */
interface Secret {
  username: string
  password: string
  reason: 'created' | 'reset'
}

export function UsersPage({ streets, onBack }: { streets: readonly StreetOption[]; onBack: () => void }) {
  const { t } = useI18n()
  return (
    <PageFrame title={t('menu.users')} onBack={onBack} testId="users-page">
      <RouteGuard route="GET /api/v1/users">
        <UsersAdmin streets={streets} />
      </RouteGuard>
    </PageFrame>
  )
}

function UsersAdmin({ streets }: { streets: readonly StreetOption[] }) {
  const { t, language } = useI18n()
  const [offset, setOffset] = useState(0)
  // Creating, changing or resetting a user invalidates the list (api/users.queries.ts).
  const users = useQuery({
    ...userQueries.page({ limit: pageSize, offset }),
    placeholderData: keepPreviousData,
  })
  const resetPassword = useResetUserPassword()
  const [secret, setSecret] = useState<Secret | null>(null)
  const [editing, setEditing] = useState<number | null>(null)
  const [resetting, setResetting] = useState<UserRecord | null>(null)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const busy = resetPassword.isPending
  const secretId = useId()

  const reset = async (user: UserRecord) => {
    setRefusal(null)
    try {
      const password = await resetPassword.mutateAsync(user.id)
      setResetting(null)
      setSecret({ username: user.username, password, reason: 'reset' })
    } catch (caught) {
      setRefusal(asApiError(caught))
    }
  }

  const page = users.data
  return (
    <>
      <section className="page__section" aria-labelledby="users-create-title">
        <h3 id="users-create-title">{t('users.create')}</h3>
        <UserCreateForm
          streets={streets}
          onCreated={(username, password) => setSecret({ username, password, reason: 'created' })}
        />
      </section>
      {secret && (
        <div className="secret-box" role="status" data-testid="one-time-password">
          <p>
            <strong>
              {t(secret.reason === 'created' ? 'users.createdOnce' : 'users.resetOnce', {
                username: secret.username,
              })}
            </strong>
          </p>
          <p className="secret-box__value">
            <code id={secretId}>{secret.password}</code>{' '}
            <CopyButton text={secret.password} targetId={secretId} />
          </p>
          {secret.reason === 'reset' && <p className="muted">{t('users.oneTimeHint')}</p>}
          <button type="button" className="button" onClick={() => setSecret(null)}>
            {t('tokens.hideSecret')}
          </button>
        </div>
      )}
      <section className="page__section" aria-labelledby="users-list-title">
        <h3 id="users-list-title">{t('users.list')}</h3>
        {users.isError && <RefusalMessage error={asApiError(users.error)} />}
        {refusal && <RefusalMessage error={refusal} />}
        {page && (
          <>
            <table className="data-list" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('auth.username')}</th>
                  <th scope="col">{t('users.displayName')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.streets')}</th>
                  <th scope="col">{t('users.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('tokens.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.users.map((user) => (
                  <tr
                    key={user.id}
                    data-username={user.username}
                    className={user.active ? undefined : 'is-inactive'}
                  >
                    <td>
                      <code>{user.username}</code>
                      {user.demo && <span className="tag">{t('auth.demoAccount')}</span>}
                    </td>
                    <td>{user.displayName ?? ''}</td>
                    <td>{domainLabel(roleEnum.labels, user.role, language)}</td>
                    <td>{user.streets.map((s) => s.name).join('、')}</td>
                    <td>
                      {user.active ? t('users.activeYes') : t('users.activeNo')}
                      {user.mustChangePassword && <span className="tag">{t('users.mustChange')}</span>}
                    </td>
                    <td className="data-list__actions">
                      <button type="button" className="button" onClick={() => setEditing(user.id)}>
                        {t('panel.edit')}
                      </button>
                      <button type="button" className="button" onClick={() => setResetting(user)}>
                        {t('users.resetPassword')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              offset={offset}
              limit={pageSize}
              total={page.total}
              shown={page.users.length}
              onOffset={setOffset}
            />
          </>
        )}
      </section>
      {editing !== null && (
        <UserEditDialog
          userId={editing}
          streets={streets}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {resetting && (
        <ModalDialog
          title={t('users.resetTitle')}
          role="alertdialog"
          onClose={() => setResetting(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setResetting(null)} disabled={busy}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={() => void reset(resetting)}
                disabled={busy}
              >
                {t('users.resetPassword')}
              </button>
            </>
          }
        >
          <p>{t('users.resetQuestion', { username: resetting.username })}</p>
        </ModalDialog>
      )}
    </>
  )
}

function UserCreateForm({
  streets,
  onCreated,
}: {
  streets: readonly StreetOption[]
  onCreated: (username: string, password: string) => void
}) {
  const { t, language } = useI18n()
  const id = useId()
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<UserRecord['role']>('viewer')
  const [chosen, setChosen] = useState<string[]>([])
  const [problem, setProblem] = useState<'username' | 'streets' | null>(null)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const create = useCreateUser()
  const busy = create.isPending
  const limited = AREA_LIMITED[role] !== undefined

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setRefusal(null)
    const name = username.trim().toLowerCase()
    if (!USERNAME_PATTERN.test(name)) {
      setProblem('username')
      return
    }
    if (limited && chosen.length === 0) {
      setProblem('streets')
      return
    }
    setProblem(null)
    try {
      const created = await create.mutateAsync({
        username: name,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        role,
        ...(limited ? { streets: chosen } : {}),
      })
      onCreated(created.user.username, created.oneTimePassword)
      setUsername('')
      setDisplayName('')
      setChosen([])
    } catch (caught) {
      setRefusal(asApiError(caught))
    }
  }

  return (
    <form
      className="stacked-form stacked-form--wide"
      onSubmit={submit}
      noValidate
      data-testid="user-create-form"
    >
      <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
      <input
        id={`${id}-username`}
        value={username}
        autoCapitalize="none"
        spellCheck={false}
        onChange={(e) => setUsername(e.target.value)}
        aria-invalid={problem === 'username'}
        aria-describedby={`${id}-username-hint`}
      />
      <p id={`${id}-username-hint`} className="muted">
        {t('users.usernameRule')}
      </p>
      <label htmlFor={`${id}-display`}>{t('users.displayName')}</label>
      <input
        id={`${id}-display`}
        value={displayName}
        maxLength={100}
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <label htmlFor={`${id}-role`}>{t('users.role')}</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as UserRecord['role'])}>
        {roleEnum.values.map((r) => (
          <option key={r} value={r}>
            {domainLabel(roleEnum.labels, r, language)}
          </option>
        ))}
      </select>
      {limited && <StreetPicker streets={streets} value={chosen} onChange={setChosen} />}
      {problem && (
        <p className="form-error" role="alert">
          {t(problem === 'username' ? 'users.usernameRule' : 'users.streetsMissing')}
        </p>
      )}
      {refusal && <RefusalMessage error={refusal} />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {t('users.createSubmit')}
        </button>
      </div>
    </form>
  )
}
