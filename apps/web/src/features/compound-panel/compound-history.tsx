// The 历史记录 tab: every change of the compound, newest first — who, when, what (each changed field before →
// after) — and 恢复到此版本 for those who may edit it, as a new version with If-Match.
import { auditAction, type CompoundHistoryEntry, type CompoundSnapshot } from '@renewal-atlas/domain'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { compoundQueries, useRestoreCompound } from '../../api/compounds.queries.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { type CommunityOption, fieldLabelKeys, useFieldText } from './compound-fields.ts'
import type { FormField } from './compound-form.ts'

const pageSize = 50

export interface CompoundHistoryProps {
  compoundId: number
  mayRestore: boolean
  communities: readonly CommunityOption[]
  onRestored: (compound: CompoundSnapshot, etag: string | null) => void
}

/** Where a history entry leaves the compound: the state after it, or before it for a delete. */
function stateOf(entry: CompoundHistoryEntry): CompoundSnapshot | null {
  return entry.action === 'delete' ? entry.before : entry.after
}

export function CompoundHistory({ compoundId, mayRestore, communities, onRestored }: CompoundHistoryProps) {
  const { t, language } = useI18n()
  const text = useFieldText(communities)
  // A write to the compound invalidates its history (api/data-changed.ts): a save shows here at once.
  const history = useQuery(compoundQueries.history(compoundId, { limit: pageSize, offset: 0 }))
  const restoring = useRestoreCompound()
  const [confirming, setConfirming] = useState<CompoundHistoryEntry | null>(null)
  const [refusal, setRefusal] = useState<ApiError | null>(null)

  const restore = async (entry: CompoundHistoryEntry) => {
    if (!history.data) return
    setRefusal(null)
    try {
      const restored = await restoring.mutateAsync({
        id: compoundId,
        entryId: entry.id,
        etag: history.data.etag,
      })
      setConfirming(null)
      onRestored(restored.data, restored.etag)
    } catch (caught) {
      setRefusal(asApiError(caught))
      // Someone may have changed it meanwhile: show their change too.
      void history.refetch()
    }
  }

  if (history.isError && !history.data) return <RefusalMessage error={asApiError(history.error)} />
  if (!history.data) return <p className="muted">{t('details.loading')}</p>
  const { entries, numberMatched } = history.data.history
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
                disabled={restoring.isPending}
              >
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void restore(confirming)}
                disabled={restoring.isPending}
                aria-busy={restoring.isPending}
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
