// 撤销导入: asks first, says what a rollback deletes (exactly the records this import created) and when it cannot
// (one of them was edited or is referenced since), then rolls the import back.
import { type ImportRecord, importTarget } from '@renewal-atlas/domain'
import { useRollbackImport } from '../../api/exchange.queries.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx'
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
  const rollback = useRollbackImport()
  return (
    <ConfirmDialog
      title={t('exchange.rollback.title')}
      confirmLabel={t('exchange.rollback.confirm')}
      testId="rollback-dialog"
      action={async () => {
        await rollback.mutateAsync(record.id)
      }}
      onDone={onRolledBack}
      onClose={onClose}
      renderRefusal={(error) => <ExchangeProblem error={error} />}
    >
      <p>
        {t('exchange.rollback.question', {
          file: record.fileName,
          count: formatNumber(record.counts.created ?? 0),
          target: record.target ? domainLabel(importTarget.labels, record.target, language) : '',
        })}
      </p>
      <p className="muted">{t('exchange.rollback.explain')}</p>
    </ConfirmDialog>
  )
}
