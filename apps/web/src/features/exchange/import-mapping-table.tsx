// The field mapping of step ②: each field of the target (required ones marked) with the source column it takes
// its values from and that column's first values, so a planner can see that 层数 really holds storeys.
import {
  type FieldMapping,
  IMPORT_TARGETS,
  type ImportAnalysis,
  type ImportTarget,
} from '@renewal-atlas/domain'
import { useId } from 'react'
import { labelIn } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { sampleValues } from './import-settings.ts'

export function ImportMappingTable({
  analysis,
  target,
  mapping,
  onChange,
}: {
  analysis: ImportAnalysis
  target: ImportTarget
  mapping: FieldMapping
  onChange: (mapping: FieldMapping) => void
}) {
  const { t, language } = useI18n()
  const id = useId()
  const setColumn = (field: string, column: string) => {
    const { [field]: _old, ...rest } = mapping
    onChange(column ? { ...rest, [field]: column } : rest)
  }
  return (
    <table className="data-list mapping-table" data-testid="import-mapping">
      <caption className="visually-hidden">{t('exchange.import.mapping')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exchange.import.targetField')}</th>
          <th scope="col">{t('exchange.import.sourceColumn')}</th>
          <th scope="col">{t('exchange.import.samples')}</th>
        </tr>
      </thead>
      <tbody>
        {IMPORT_TARGETS[target].fields.map((field) => {
          const column = mapping[field.name] ?? ''
          const missing = field.required && !column
          return (
            <tr key={field.name} data-field={field.name}>
              <td>
                <label htmlFor={`${id}-${field.name}`}>
                  {labelIn(field.label, language)}
                  {field.unit && (language === 'zh-CN' ? `（${field.unit.zh}）` : ` (${field.unit.en})`)}
                </label>
                {field.required && (
                  <abbr className="required-mark" title={t('exchange.import.required')}>
                    *
                  </abbr>
                )}
                <code className="mapping-table__name">{field.name}</code>
              </td>
              <td>
                <select
                  id={`${id}-${field.name}`}
                  value={column}
                  aria-invalid={missing}
                  aria-required={field.required}
                  onChange={(event) => setColumn(field.name, event.target.value)}
                >
                  <option value="">{t('exchange.import.notImported')}</option>
                  {analysis.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </td>
              <td className="mapping-table__samples">{sampleValues(analysis, column).join(' · ')}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
