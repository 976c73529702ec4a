// Changing a user: display name, role, streets and whether the account is active, sent with If-Match; a change
// someone else saved first is loaded into the form with a note, not overwritten.
import { AREA_LIMITED, role as roleEnum, type UserRecord } from '@renewal-atlas/domain'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { type ApiError, asApiError, VersionConflictError } from '../../api/api-error.ts'
import { etagOf } from '../../api/http-client.ts'
import { userQueries, useUpdateUser } from '../../api/users.queries.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { type StreetOption, StreetPicker } from './street-picker.tsx'

interface Draft {
  displayName: string
  role: UserRecord['role']
  streets: string[]
  active: boolean
}

const draftOf = (user: UserRecord): Draft => ({
  displayName: user.displayName ?? '',
  role: user.role,
  streets: user.streets.map((s) => s.code),
  active: user.active,
})

export function UserEditDialog({
  userId,
  streets,
  onSaved,
  onClose,
}: {
  userId: number
  streets: readonly StreetOption[]
  onSaved: () => void
  onClose: () => void
}) {
  const { t, language } = useI18n()
  const id = useId()
  const [loaded, setLoaded] = useState<{ user: UserRecord; etag: string } | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const [changedMeanwhile, setChangedMeanwhile] = useState(false)
  const [streetsMissing, setStreetsMissing] = useState(false)
  const update = useUpdateUser()
  const busy = update.isPending
  // The form starts from the user as read; later reads (after a save elsewhere) do not overwrite a draft.
  const user = useQuery(userQueries.one(userId))
  if (user.data && loaded === null) {
    setLoaded(user.data)
    setDraft(draftOf(user.data.user))
  }
  const loadRefusal = user.isError ? asApiError(user.error) : null

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!loaded || !draft) return
    const before = draftOf(loaded.user)
    const limited = AREA_LIMITED[draft.role] !== undefined
    if (limited && draft.streets.length === 0) {
      setStreetsMissing(true)
      return
    }
    setStreetsMissing(false)
    const patch = {
      ...(draft.displayName.trim() !== before.displayName
        ? { displayName: draft.displayName.trim() || null }
        : {}),
      ...(draft.role !== before.role ? { role: draft.role } : {}),
      ...(limited && draft.streets.join() !== before.streets.join() ? { streets: draft.streets } : {}),
      ...(!limited && before.streets.length > 0 ? { streets: [] } : {}),
      ...(draft.active !== before.active ? { active: draft.active } : {}),
    }
    if (Object.keys(patch).length === 0) {
      onClose()
      return
    }
    setRefusal(null)
    try {
      await update.mutateAsync({ id: loaded.user.id, etag: loaded.etag, patch })
      onSaved()
    } catch (caught) {
      const error = asApiError(caught)
      if (error instanceof VersionConflictError && error.current) {
        const current = error.current as UserRecord
        setLoaded({ user: current, etag: etagOf(current.version) })
        setDraft(draftOf(current))
        setChangedMeanwhile(true)
      } else {
        setRefusal(error)
      }
    }
  }

  const limited = draft ? AREA_LIMITED[draft.role] !== undefined : false
  return (
    <ModalDialog
      title={t('users.editTitle', { username: loaded?.user.username ?? '' })}
      onClose={onClose}
      testId="user-edit-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button--primary"
            disabled={busy || !draft}
            aria-busy={busy}
          >
            {t('edit.save')}
          </button>
        </>
      }
    >
      {!draft && !refusal && !loadRefusal && <p className="muted">{t('details.loading')}</p>}
      {changedMeanwhile && (
        <p className="note" role="status">
          {t('users.changedMeanwhile')}
        </p>
      )}
      {draft && (
        <form id={`${id}-form`} className="stacked-form" onSubmit={save} noValidate>
          <label htmlFor={`${id}-display`}>{t('users.displayName')}</label>
          <input
            id={`${id}-display`}
            value={draft.displayName}
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
          />
          <label htmlFor={`${id}-role`}>{t('users.role')}</label>
          <select
            id={`${id}-role`}
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as Draft['role'] })}
          >
            {roleEnum.values.map((r) => (
              <option key={r} value={r}>
                {domainLabel(roleEnum.labels, r, language)}
              </option>
            ))}
          </select>
          {limited && (
            <StreetPicker
              streets={streets}
              value={draft.streets}
              onChange={(codes) => setDraft({ ...draft, streets: codes })}
            />
          )}
          {streetsMissing && (
            <p className="form-error" role="alert">
              {t('users.streetsMissing')}
            </p>
          )}
          <label className="checkbox-label" htmlFor={`${id}-active`}>
            <input
              id={`${id}-active`}
              type="checkbox"
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
            />
            {t('users.active')}
          </label>
        </form>
      )}
      {(refusal ?? loadRefusal) && <RefusalMessage error={(refusal ?? loadRefusal) as ApiError} />}
    </ModalDialog>
  )
}
