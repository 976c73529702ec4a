// A question before a destructive action (delete a compound, roll back an import): cancel, or confirm and wait
// while the action runs; a refusal stays in the dialog, shown by the caller's own message component.
import { type ReactNode, useState } from 'react'
import { type ApiError, asApiError } from '../api/api-error.ts'
import { useI18n } from '../i18n/i18n-context.tsx'
import { ModalDialog } from './modal-dialog.tsx'

export interface ConfirmDialogProps {
  title: string
  confirmLabel: string
  testId: string
  /** The action; the dialog shows it busy until it settles. */
  action: () => Promise<void>
  /** After the action succeeded. */
  onDone: () => void
  onClose: () => void
  renderRefusal: (error: ApiError) => ReactNode
  children: ReactNode
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const confirm = async () => {
    setBusy(true)
    setRefusal(null)
    try {
      await props.action()
      props.onDone()
    } catch (caught) {
      setRefusal(asApiError(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <ModalDialog
      title={props.title}
      role="alertdialog"
      onClose={props.onClose}
      testId={props.testId}
      actions={
        <>
          <button type="button" className="button" onClick={props.onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void confirm()}
            disabled={busy}
            aria-busy={busy}
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
      {refusal && props.renderRefusal(refusal)}
    </ModalDialog>
  )
}
