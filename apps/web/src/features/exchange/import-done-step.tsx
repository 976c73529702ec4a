// Step ④ of the import wizard: what the commit wrote (created, skipped), the way back to the map, and another file.
import { type ImportRecord, importTarget } from '@renewal-atlas/domain'
import { useId } from 'react'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'

export function ImportDoneStep({
  record,
  onBackToMap,
  onAnother,
}: {
  record: ImportRecord
  onBackToMap: () => void
  onAnother: () => void
}) {
  const { t, language, formatNumber } = useI18n()
  const id = useId()
  return (
    <section className="wizard-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('exchange.import.step.done')}</h3>
      <p
        className="form-success"
        role="status"
        data-testid="import-result"
        data-import-id={record.id}
        data-created={record.counts.created ?? 0}
        data-skipped={record.counts.skipped ?? 0}
      >
        {t('exchange.import.result', {
          file: record.fileName,
          target: record.target ? domainLabel(importTarget.labels, record.target, language) : '',
          created: formatNumber(record.counts.created ?? 0),
          skipped: formatNumber(record.counts.skipped ?? 0),
        })}
      </p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onBackToMap}>
          {t('page.backToMap')}
        </button>
        <button type="button" className="button" onClick={onAnother}>
          {t('exchange.import.another')}
        </button>
      </div>
    </section>
  )
}
