// 删除小区: asks first, says the delete is soft (an administrator can restore it), and sends DELETE with If-Match.
import type { CompoundSnapshot } from '@renewal-atlas/domain'
import { useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { deleteCompound } from '../../api/compound-edit.api.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'

export interface DeleteCompoundDialogProps {
  compound: CompoundSnapshot
  etag: string
  onDeleted: () => void
  onClose: () => void
}

export function DeleteCompoundDialog({ compound, etag, onDeleted, onClose }: DeleteCompoundDialogProps) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const confirm = async () => {
    setBusy(true)
    setRefusal(null)
    try {
      await deleteCompound(compound.properties.id, etag)
      onDeleted()
    } catch (caught) {
      setRefusal(asApiError(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <ModalDialog
      title={t('delete.title')}
      role="alertdialog"
      onClose={onClose}
      testId="delete-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void confirm()}
            disabled={busy}
            aria-busy={busy}
          >
            {t('delete.confirm')}
          </button>
        </>
      }
    >
      <p>{t('delete.question', { name: compound.properties.name })}</p>
      <p className="muted">{t('delete.soft')}</p>
      {refusal && <RefusalMessage error={refusal} />}
    </ModalDialog>
  )
}
