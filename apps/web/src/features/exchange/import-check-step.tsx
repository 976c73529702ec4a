// Step ③ of the import wizard, 检查结果: how many features are valid, need a look or cannot be imported, the issues
// by kind, the features with issues, and the preview map; then 导入, refused while invalid features are not skipped.
import { type ImportValidationReport, importIssueCode } from '@renewal-atlas/domain'
import { useId, useMemo, useState } from 'react'
import type { ApiError } from '../../api/api-error.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ExchangeProblem } from './exchange-problem.tsx'
import { ImportIssueTable } from './import-issue-table.tsx'
import { ImportPreviewMap, type PreviewFocus } from './import-preview-map.tsx'
import { drawableFeatures, problemLocations } from './preview-features.ts'

export interface ImportCheckStepProps {
  report: ImportValidationReport
  skipInvalid: boolean
  onSkipInvalidChange: (skip: boolean) => void
  onBack: () => void
  onCommit: () => void
  busy: boolean
  error: ApiError | null
}

export function ImportCheckStep(props: ImportCheckStepProps) {
  const { report, skipInvalid } = props
  const { t, language, formatNumber } = useI18n()
  const id = useId()
  const [focus, setFocus] = useState<PreviewFocus | null>(null)
  const features = useMemo(() => drawableFeatures(report.preview.features), [report])
  const locations = useMemo(() => problemLocations(report.features), [report])
  const { counts } = report
  const importable = counts.valid + counts.warning
  const blocked = importable === 0 || (counts.invalid > 0 && !skipInvalid)
  const issueCounts = Object.entries(report.issueCounts).filter(([, count]) => count > 0)

  return (
    <section className="wizard-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('exchange.import.step.check')}</h3>
      <dl className="import-counts" data-testid="import-counts">
        {(['valid', 'warning', 'invalid'] as const).map((status) => (
          <div key={status} className={`import-counts__item import-status--${status}`} data-status={status}>
            <dt>{t(`exchange.import.status.${status}`)}</dt>
            <dd data-count={counts[status]}>{formatNumber(counts[status])}</dd>
          </div>
        ))}
        <div className="import-counts__item">
          <dt>{t('exchange.import.total')}</dt>
          <dd data-count={counts.features}>{formatNumber(counts.features)}</dd>
        </div>
      </dl>
      {issueCounts.length > 0 && (
        <ul className="issue-counts" data-testid="import-issue-counts">
          {issueCounts.map(([code, count]) => (
            <li key={code} data-code={code}>
              {t('exchange.labelValue', {
                label: domainLabel(importIssueCode.labels, code, language),
                value: formatNumber(count),
              })}
            </li>
          ))}
        </ul>
      )}
      <div className="import-check">
        <ImportPreviewMap features={features} locations={locations} focus={focus} />
        <div className="import-check__table">
          <ImportIssueTable
            features={report.features}
            target={report.target}
            focusedN={focus?.n ?? null}
            onPick={(n, location) =>
              setFocus((f) => ({ n, ...(location ? { location } : {}), times: (f?.times ?? 0) + 1 }))
            }
          />
        </div>
      </div>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={skipInvalid}
          disabled={counts.invalid === 0}
          onChange={(event) => props.onSkipInvalidChange(event.target.checked)}
        />
        {t('exchange.import.skipInvalid', { count: formatNumber(counts.invalid) })}
      </label>
      {counts.invalid > 0 && !skipInvalid && <p className="note">{t('exchange.import.invalidBlocks')}</p>}
      {props.error && <ExchangeProblem error={props.error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onBack} disabled={props.busy}>
          {t('exchange.import.back')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={props.onCommit}
          disabled={blocked || props.busy}
          aria-busy={props.busy}
        >
          {props.busy
            ? t('exchange.import.committing')
            : t('exchange.import.commit', {
                count: formatNumber(skipInvalid ? importable : counts.features),
              })}
        </button>
      </div>
    </section>
  )
}
