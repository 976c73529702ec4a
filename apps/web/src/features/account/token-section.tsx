// 访问令牌: the user's personal access tokens for scripts, QGIS and GDAL. A new token's secret is shown once, with
// a copy button and how to send it (`Authorization: Bearer …`); a token can be revoked at once.
import type { ApiToken, ApiTokenCreated } from '@renewal-atlas/domain'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { tokensQuery, useCreateToken, useRevokeToken } from '../../api/tokens.queries.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { CopyButton } from '../../ui/copy-button.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { useSession } from '../session/session-context.tsx'

const expiryChoices = ['', '30', '90', '365'] as const

export function TokenSection() {
  const { t, language } = useI18n()
  const id = useId()
  const { session } = useSession()
  const tokens = useQuery(tokensQuery(session.user?.id ?? null))
  const createMutation = useCreateToken()
  const revokeMutation = useRevokeToken()
  const [name, setName] = useState('')
  const [expiry, setExpiry] = useState<(typeof expiryChoices)[number]>('90')
  const [nameMissing, setNameMissing] = useState(false)
  const [created, setCreated] = useState<ApiTokenCreated | null>(null)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const busy = createMutation.isPending || revokeMutation.isPending
  const [revoking, setRevoking] = useState<ApiToken | null>(null)
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' })
  const when = (value: string | null, none: string) => (value ? date.format(new Date(value)) : none)

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setRefusal(null)
    if (!name.trim()) {
      setNameMissing(true)
      return
    }
    setNameMissing(false)
    try {
      const token = await createMutation.mutateAsync({
        name: name.trim(),
        ...(expiry ? { expiresInDays: Number(expiry) } : {}),
      })
      setCreated(token)
      setName('')
    } catch (caught) {
      setRefusal(asApiError(caught))
    }
  }

  const revoke = async (token: ApiToken) => {
    setRefusal(null)
    try {
      await revokeMutation.mutateAsync(token.id)
      setRevoking(null)
    } catch (caught) {
      setRefusal(asApiError(caught))
    }
  }

  const origin = window.location.origin
  return (
    <div className="token-section" data-testid="token-section">
      <p className="muted">{t('tokens.explain')}</p>
      <form className="inline-form" onSubmit={create} noValidate>
        <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={100}
          placeholder={t('tokens.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameMissing}
        />
        <label htmlFor={`${id}-expiry`}>{t('tokens.expiry')}</label>
        <select
          id={`${id}-expiry`}
          value={expiry}
          onChange={(e) => setExpiry(e.target.value as (typeof expiryChoices)[number])}
        >
          {expiryChoices.map((days) => (
            <option key={days} value={days}>
              {days ? t('tokens.days', { days }) : t('tokens.never')}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('tokens.create')}
        </button>
      </form>
      {nameMissing && (
        <p className="form-error" role="alert">
          {t('tokens.nameMissing')}
        </p>
      )}
      {refusal && <RefusalMessage error={refusal} />}
      {created && (
        <div className="secret-box" role="status" data-testid="new-token">
          <p>
            <strong>{t('tokens.createdOnce', { name: created.name })}</strong>
          </p>
          <p className="secret-box__value">
            <code id={`${id}-secret`}>{created.token}</code>{' '}
            <CopyButton text={created.token} targetId={`${id}-secret`} />
          </p>
          <p>{t('tokens.usage')}</p>
          <pre className="secret-box__usage">
            {`curl -H "Authorization: Bearer ${created.token}" \\\n  "${origin}/api/v1/compounds?limit=10"\n\n`}
            {`ogrinfo --config GDAL_HTTP_HEADERS "Authorization: Bearer ${created.token}" \\\n  "${origin}/api/v1/compounds?limit=2000"`}
          </pre>
          <button type="button" className="button" onClick={() => setCreated(null)}>
            {t('tokens.hideSecret')}
          </button>
        </div>
      )}
      {tokens.isError && <RefusalMessage error={asApiError(tokens.error)} />}
      {tokens.data && tokens.data.length === 0 && <p className="muted">{t('tokens.none')}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="data-list">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.prefix')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('tokens.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id} data-token-id={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{when(token.createdAt, '')}</td>
                <td>{when(token.lastUsedAt, t('tokens.neverUsed'))}</td>
                <td>{when(token.expiresAt, t('tokens.noExpiry'))}</td>
                <td>
                  <button
                    type="button"
                    className="button button--danger-quiet"
                    onClick={() => setRevoking(token)}
                  >
                    {t('tokens.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ModalDialog
          title={t('tokens.revokeTitle')}
          role="alertdialog"
          onClose={() => setRevoking(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setRevoking(null)} disabled={busy}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={() => void revoke(revoking)}
                disabled={busy}
              >
                {t('tokens.revoke')}
              </button>
            </>
          }
        >
          <p>{t('tokens.revokeQuestion', { name: revoking.name })}</p>
        </ModalDialog>
      )}
    </div>
  )
}
