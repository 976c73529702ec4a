// 导入 (#view=imports): the import wizard for survey files, and below it the record of every import with its
// rollback. Only for roles that may import; others read why.
import { useCallback, useState } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { PageFrame } from '../../ui/page-frame.tsx'
import { RouteGuard } from '../session/route-guard.tsx'
import { ImportHistory } from './import-history.tsx'
import { ImportWizard } from './import-wizard.tsx'
import './exchange.css'

export function ImportPage({ onBack, onDataChanged }: { onBack: () => void; onDataChanged: () => void }) {
  const { t } = useI18n()
  const [revision, setRevision] = useState(0)
  const recorded = useCallback(() => setRevision((n) => n + 1), [])
  const changed = useCallback(() => {
    recorded()
    onDataChanged()
  }, [recorded, onDataChanged])
  return (
    <PageFrame title={t('exchange.import.title')} onBack={onBack} testId="import-page">
      <RouteGuard route="POST /api/v1/imports">
        <section className="page__section">
          <p className="muted">{t('exchange.import.intro')}</p>
          <ImportWizard onRecorded={recorded} onCommitted={changed} onBackToMap={onBack} />
        </section>
        <ImportHistory revision={revision} onRolledBack={changed} />
      </RouteGuard>
    </PageFrame>
  )
}
