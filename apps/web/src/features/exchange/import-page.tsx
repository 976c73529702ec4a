// 导入 (#view=imports): the import wizard for survey files, and below it the record of every import with its
// rollback. Only for roles that may import; others read why. Uploads, commits and rollbacks are mutations that
// invalidate the record of imports and the layer they wrote (api/exchange.queries.ts).
import { useI18n } from '../../i18n/i18n-context.tsx'
import { PageFrame } from '../../ui/page-frame.tsx'
import { RouteGuard } from '../session/route-guard.tsx'
import { ImportHistory } from './import-history.tsx'
import { ImportWizard } from './import-wizard.tsx'
import './exchange.css'

export function ImportPage({ onBack }: { onBack: () => void }) {
  const { t } = useI18n()
  return (
    <PageFrame title={t('exchange.import.title')} onBack={onBack} testId="import-page">
      <RouteGuard route="POST /api/v1/imports">
        <section className="page__section">
          <p className="muted">{t('exchange.import.intro')}</p>
          <ImportWizard onBackToMap={onBack} />
        </section>
        <ImportHistory />
      </RouteGuard>
    </PageFrame>
  )
}
