// "有人已修改此小区": shown when a save named a version that is no longer current. Both versions side by side (yours
// and the one saved meanwhile), differing fields highlighted and yours marked; use the latest, or lay your
// changes over it and save again.
import type { CompoundSnapshot } from '@renewal-atlas/domain'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { type CommunityOption, fieldLabelKeys, useFieldText } from './compound-fields.ts'
import { type EditableRecord, FORM_FIELDS, type FormField, recordOf } from './compound-form.ts'

export interface VersionConflict {
  /** The compound as it is now, and the ETag to base the next save on. */
  current: CompoundSnapshot
  etag: string
  /** The record I tried to save, and the fields I changed in it. */
  mine: EditableRecord
  myChanges: FormField[]
}

export interface VersionConflictDialogProps {
  conflict: VersionConflict
  communities: readonly CommunityOption[]
  busy: boolean
  onUseLatest: () => void
  onReapply: () => void
  onClose: () => void
}

export function VersionConflictDialog(props: VersionConflictDialogProps) {
  const { conflict, communities, busy } = props
  const { t } = useI18n()
  const text = useFieldText(communities)
  const current = recordOf(conflict.current.properties)
  const differing = FORM_FIELDS.filter((field) => conflict.mine[field] !== current[field])
  return (
    <ModalDialog
      title={t('conflict.title')}
      role="alertdialog"
      onClose={props.onClose}
      className="modal--wide"
      testId="conflict-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={props.onUseLatest} disabled={busy}>
            {t('conflict.useLatest')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={props.onReapply}
            disabled={busy}
            aria-busy={busy}
          >
            {t('conflict.reapply')}
          </button>
        </>
      }
    >
      <p>
        {t('conflict.explain', {
          version: conflict.current.properties.version,
          count: differing.length,
        })}
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col" className="conflict-table__head-cell">
              {t('conflict.field')}
            </th>
            <th scope="col" className="conflict-table__head-cell">
              {t('conflict.mine')}
            </th>
            <th scope="col" className="conflict-table__head-cell">
              {t('conflict.current', { version: conflict.current.properties.version })}
            </th>
          </tr>
        </thead>
        <tbody>
          {FORM_FIELDS.map((field) => {
            const differs = differing.includes(field)
            const changedByMe = conflict.myChanges.includes(field)
            return (
              <tr
                key={field}
                data-field={field}
                data-differs={differs}
                className={differs ? 'conflict-table__differs' : undefined}
              >
                <th scope="row" className="conflict-table__label">
                  {t(fieldLabelKeys[field])}
                  {changedByMe && (
                    <span className="tag conflict-table__mine">{t('conflict.changedByMe')}</span>
                  )}
                </th>
                <td data-side="mine">{text(field, conflict.mine[field])}</td>
                <td data-side="current">{text(field, current[field])}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="muted">{t('conflict.hint')}</p>
    </ModalDialog>
  )
}
