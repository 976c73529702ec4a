// 删除小区: asks first, says the delete is soft (an administrator can restore it), and sends DELETE with If-Match.
import type { CompoundSnapshot } from '@renewal-atlas/domain'
import { useDeleteCompound } from '../../api/compounds.queries.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'

export interface DeleteCompoundDialogProps {
  compound: CompoundSnapshot
  etag: string
  onDeleted: () => void
  onClose: () => void
}

export function DeleteCompoundDialog({ compound, etag, onDeleted, onClose }: DeleteCompoundDialogProps) {
  const { t } = useI18n()
  const remove = useDeleteCompound()
  return (
    <ConfirmDialog
      title={t('delete.title')}
      confirmLabel={t('delete.confirm')}
      testId="delete-dialog"
      action={async () => {
        await remove.mutateAsync({ id: compound.properties.id, etag })
      }}
      onDone={onDeleted}
      onClose={onClose}
      renderRefusal={(error) => <RefusalMessage error={error} />}
    >
      <p>{t('delete.question', { name: compound.properties.name })}</p>
      <p className="muted">{t('delete.soft')}</p>
    </ConfirmDialog>
  )
}
