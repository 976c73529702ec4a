// The 历史记录 tab: every change of the compound, newest first — who, when, what (each changed field before →
// after) — and 恢复到此版本 for those who may edit it, as a new version with If-Match.
import {
  auditAction,
  type CompoundHistoryEntry,
  type CompoundHistoryResponse,
  type CompoundSnapshot,
} from '@renewal-atlas/domain'
import { useEffect, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { fetchCompoundHistory, restoreCompoundVersion } from '../../api/compound-edit.api.ts'
import { etagOf } from '../../api/http-client.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { type CommunityOption, fieldLabelKeys, useFieldText } from './compound-fields.ts'
import type { FormField } from './compound-form.ts'

const pageSize = 50

export interface CompoundHistoryProps {
  compoundId: number
  /** The ETag of the version the panel shows; a new one (after a save) loads the history again. */
  etag: string
  mayRestore: boolean
  communities: readonly CommunityOption[]
  onRestored: (compound: CompoundSnapshot, etag: string | null) => void
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; history: CompoundHistoryResponse; etag: string }

/** Where a history entry leaves the compound: the state after it, or before it for a delete. */
function stateOf(entry: CompoundHistoryEntry): CompoundSnapshot | null {
  return entry.action === 'delete' ? entry.before : entry.after
}

export function CompoundHistory({
  compoundId,
  etag,
  mayRestore,
  communities,
  onRestored,
}: CompoundHistoryProps) {
  const { t, language } = useI18n()
  const text = useFieldText(communities)
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [confirming, setConfirming] = useState<CompoundHistoryEntry | null>(null)
  const [restoring, setRestoring] = useState(false)
  const [refusal, setRefusal] = useState<ApiError | null>(null)

  useEffect(() => {
    void attempt
    void etag
    const controller = new AbortController()
    setLoaded((current) => (current.status === 'ready' ? current : { status: 'loading' }))
    fetchCompoundHistory(compoundId, { limit: pageSize, offset: 0 }, { signal: controller.signal }).then(
      ({ data, etag: historyEtag }) =>
        setLoaded({ status: 'ready', history: data, etag: historyEtag ?? etagOf(data.currentVersion) }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.error(`Loading the history of compound ${compoundId} failed`, error)
        setLoaded({ status: 'error', error: asApiError(error) })
      },
    )
    return () => controller.abort()
  }, [compoundId, etag, attempt])

  const restore = async (entry: CompoundHistoryEntry) => {
    if (loaded.status !== 'ready') return
    setRestoring(true)
    setRefusal(null)
    try {
      const restored = await restoreCompoundVersion(compoundId, entry.id, loaded.etag)
      setConfirming(null)
      onRestored(restored.data, restored.etag)
    } catch (caught) {
      setRefusal(asApiError(caught))
      // Someone may have changed it meanwhile: show their change too.
      setAttempt((n) => n + 1)
    } finally {
      setRestoring(false)
    }
  }

  if (loaded.status === 'loading') return <p className="muted">{t('details.loading')}</p>
  if (loaded.status === 'error') return <RefusalMessage error={loaded.error} />
  const { entries, numberMatched } = loaded.history
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <div className="history" data-testid="compound-history">
      {entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {numberMatched > entries.length && (
        <p className="muted">{t('history.partial', { shown: entries.length, total: numberMatched })}</p>
      )}
      <ol className="history__list">
        {entries.map((entry, index) => {
          const target = stateOf(entry)
          const isCurrent = index === 0 && entry.action !== 'delete'
          const who = entry.user ? (entry.user.displayName ?? entry.user.username) : t('history.unknownUser')
          return (
            <li key={entry.id} className="history__entry" data-entry-id={entry.id} data-action={entry.action}>
              <div className="history__head">
                <strong className="history__action">
                  {domainLabel(auditAction.labels, entry.action, language)}
                </strong>
                <span>{who}</span>
                <time dateTime={entry.at}>{dateTime.format(new Date(entry.at))}</time>
                {target && (
                  <span className="tag">{t('history.version', { version: target.properties.version })}</span>
                )}
              </div>
              {entry.changedFields.length > 0 && (
                <ul className="history__changes">
                  {entry.changedFields.map((field) => (
                    <li key={field} data-field={field}>
                      <span className="history__field">
                        {t(fieldLabelKeys[field as FormField | 'geometry'] ?? 'edit.field.name')}
                      </span>
                      {': '}
                      <span className="history__before">{text(field, fieldValue(entry.before, field))}</span>
                      <span aria-hidden="true"> → </span>
                      <span className="visually-hidden">{t('history.to')}</span>
                      <span className="history__after">{text(field, fieldValue(entry.after, field))}</span>
                    </li>
                  ))}
                </ul>
              )}
              {isCurrent && <p className="muted history__current">{t('history.current')}</p>}
              {mayRestore && target && !isCurrent && (
                <button type="button" className="button" onClick={() => setConfirming(entry)}>
                  {t('history.restore')}
                </button>
              )}
            </li>
          )
        })}
      </ol>
      {refusal && <RefusalMessage error={refusal} />}
      {confirming && (
        <ModalDialog
          title={t('history.restoreTitle')}
          role="alertdialog"
          onClose={() => setConfirming(null)}
          testId="restore-dialog"
          actions={
            <>
              <button
                type="button"
                className="button"
                onClick={() => setConfirming(null)}
                disabled={restoring}
              >
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void restore(confirming)}
                disabled={restoring}
                aria-busy={restoring}
              >
                {t('history.restoreConfirm')}
              </button>
            </>
          }
        >
          <p>
            {t('history.restoreExplain', {
              version: stateOf(confirming)?.properties.version ?? '',
              when: dateTime.format(new Date(confirming.at)),
            })}
          </p>
          {refusal && <RefusalMessage error={refusal} />}
        </ModalDialog>
      )}
    </div>
  )
}

function fieldValue(snapshot: CompoundSnapshot | null, field: string): unknown {
  if (!snapshot) return null
  if (field === 'geometry') return snapshot.geometry
  return (snapshot.properties as Record<string, unknown>)[field]
}
