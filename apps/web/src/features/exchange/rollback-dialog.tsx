// 撤销导入: asks first, says what a rollback deletes (exactly the records this import created) and when it cannot
// (one of them was edited or is referenced since), then rolls the import back.
import { type ImportRecord, importTarget } from '@renewal-atlas/domain'
import { useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { rollbackImport } from '../../api/exchange.api.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { ExchangeProblem } from './exchange-problem.tsx'

export function RollbackDialog({
  record,
  onRolledBack,
  onClose,
}: {
  record: ImportRecord
  onRolledBack: () => void
  onClose: () => void
}) {
  const { t, language, formatNumber } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await rollbackImport(record.id)
      onRolledBack()
    } catch (caught) {
      setError(asApiError(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <ModalDialog
      title={t('exchange.rollback.title')}
      role="alertdialog"
      onClose={onClose}
      testId="rollback-dialog"
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
            {t('exchange.rollback.confirm')}
          </button>
        </>
      }
    >
      <p>
        {t('exchange.rollback.question', {
          file: record.fileName,
          count: formatNumber(record.counts.created ?? 0),
          target: record.target ? domainLabel(importTarget.labels, record.target, language) : '',
        })}
      </p>
      <p className="muted">{t('exchange.rollback.explain')}</p>
      {error && <ExchangeProblem error={error} />}
    </ModalDialog>
  )
}
