// Step ② of the import wizard, 坐标系与字段: the coordinate system and text encoding the server detected (and
// why), either overridable; for CSV the geometry columns; then the field mapping, remembered from the last file of
// the same columns when there was one.
import {
  type ImportAnalysis,
  type ImportCrs,
  type ImportEncoding,
  type ImportTarget,
  importCrs,
  importEncoding,
  importFormat,
  importTarget,
} from '@renewal-atlas/domain'
import { useId } from 'react'
import type { ApiError } from '../../api/api-error.ts'
import { domainLabel, reasonIn } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ExchangeProblem } from './exchange-problem.tsx'
import { ImportMappingTable } from './import-mapping-table.tsx'
import { type ImportSettings, unmappedRequired } from './import-settings.ts'

export interface ImportMappingStepProps {
  fileName: string
  analysis: ImportAnalysis
  settings: ImportSettings
  onChange: (settings: ImportSettings) => void
  onTargetChange: (target: ImportTarget) => void
  onBack: () => void
  onCheck: () => void
  busy: boolean
  error: ApiError | null
}

export function ImportMappingStep(props: ImportMappingStepProps) {
  const { analysis, settings, onChange } = props
  const { t, language, formatNumber } = useI18n()
  const id = useId()
  const missing = unmappedRequired(settings)
  const detectedCrs = analysis.detectedCrs
    ? domainLabel(importCrs.labels, analysis.detectedCrs, language)
    : t('exchange.import.unknown')
  const detectedEncoding = analysis.detectedEncoding
    ? domainLabel(importEncoding.labels, analysis.detectedEncoding, language)
    : t('exchange.import.unknown')

  const columnSelect = (key: 'lonColumn' | 'latColumn' | 'wktColumn', label: string) => (
    <div className="exchange-field exchange-field__inline">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={settings[key]}
        onChange={(event) => onChange({ ...settings, [key]: event.target.value })}
      >
        <option value="">{t('exchange.import.columnAuto')}</option>
        {analysis.columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <section className="wizard-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('exchange.import.step.mapping')}</h3>
      <p data-testid="import-file-summary">
        {t('exchange.import.fileSummary', {
          name: props.fileName,
          format: domainLabel(importFormat.labels, analysis.format, language),
          count: formatNumber(analysis.featureCount),
        })}
      </p>
      <div className="exchange-columns">
        <div className="exchange-field">
          <label htmlFor={`${id}-crs`}>{t('exchange.import.crs')}</label>
          <select
            id={`${id}-crs`}
            value={settings.crs}
            aria-describedby={`${id}-crs-reason`}
            onChange={(event) => onChange({ ...settings, crs: event.target.value as ImportCrs })}
          >
            {importCrs.values.map((crs) => (
              <option key={crs} value={crs}>
                {crs === 'auto'
                  ? t('exchange.import.detected', { value: detectedCrs })
                  : domainLabel(importCrs.labels, crs, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="exchange-field">
          <label htmlFor={`${id}-encoding`}>{t('exchange.import.encoding')}</label>
          <select
            id={`${id}-encoding`}
            value={settings.encoding}
            onChange={(event) => onChange({ ...settings, encoding: event.target.value as ImportEncoding })}
          >
            {importEncoding.values.map((encoding) => (
              <option key={encoding} value={encoding}>
                {encoding === 'auto'
                  ? t('exchange.import.detected', { value: detectedEncoding })
                  : domainLabel(importEncoding.labels, encoding, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="exchange-field">
          <label htmlFor={`${id}-target`}>{t('exchange.import.target')}</label>
          <select
            id={`${id}-target`}
            value={settings.target}
            onChange={(event) => props.onTargetChange(event.target.value as ImportTarget)}
          >
            {importTarget.values.map((value) => (
              <option key={value} value={value}>
                {domainLabel(importTarget.labels, value, language)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p
        id={`${id}-crs-reason`}
        className="muted"
        data-testid="import-crs-reason"
        data-reason={analysis.crsReason.reason}
      >
        {t('exchange.import.reason', { reason: reasonIn(analysis.crsReason, language) })}
        {analysis.crsReason.detail && (
          <small className="issue-detail">
            {t('exchange.import.detail')}
            {t('exchange.import.reasonSeparator')}
            <span lang="en">{analysis.crsReason.detail}</span>
          </small>
        )}
      </p>
      {analysis.format === 'csv' && (
        <fieldset className="exchange-field" data-testid="import-csv-columns">
          <legend>{t('exchange.import.csvColumns')}</legend>
          <div className="exchange-columns">
            {columnSelect('lonColumn', t('exchange.import.lonColumn'))}
            {columnSelect('latColumn', t('exchange.import.latColumn'))}
            {columnSelect('wktColumn', t('exchange.import.wktColumn'))}
          </div>
        </fieldset>
      )}
      <h4>{t('exchange.import.mapping')}</h4>
      {analysis.rememberedMapping[settings.target] && (
        <p className="form-success" data-testid="import-remembered">
          {t('exchange.import.remembered')}
        </p>
      )}
      <ImportMappingTable
        analysis={analysis}
        target={settings.target}
        mapping={settings.mapping}
        onChange={(mapping) => onChange({ ...settings, mapping })}
      />
      {missing.length > 0 && (
        <p className="note" data-testid="import-missing-required">
          {t('exchange.import.missingRequired', {
            fields: missing
              .map((field) => (language === 'zh-CN' ? field.label.zh : field.label.en))
              .join(t('exchange.listSeparator')),
          })}
        </p>
      )}
      {props.error && <ExchangeProblem error={props.error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onBack} disabled={props.busy}>
          {t('exchange.import.chooseAnother')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={props.onCheck}
          disabled={props.busy}
          aria-busy={props.busy}
        >
          {props.busy ? t('exchange.import.checking') : t('exchange.import.check')}
        </button>
      </div>
    </section>
  )
}
