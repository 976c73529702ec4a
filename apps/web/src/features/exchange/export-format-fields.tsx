// What to export and how: the layers (with their Chinese and English names from the field catalogue), the file
// format, the coordinate system (DXF only in Gauss-Kruger metres) and, for CSV, how geometry is written.
import {
  DXF_CRS,
  type ExportCrs,
  type ExportFormat,
  type ExportLayer,
  exportCrs,
  exportFormat,
  exportLayer,
} from '@renewal-atlas/domain'
import { useId } from 'react'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { crsForFormat, lonLatAllowed } from './export-request.ts'

export interface FormatChoice {
  layers: readonly ExportLayer[]
  format: ExportFormat
  crs: ExportCrs
  csvGeometry: 'wkt' | 'lonlat'
}

export function ExportFormatFields({
  choice,
  onChange,
}: {
  choice: FormatChoice
  onChange: (choice: FormatChoice) => void
}) {
  const { t, language } = useI18n()
  const id = useId()
  const toggleLayer = (layer: ExportLayer, on: boolean) => {
    const layers = on ? [...choice.layers, layer] : choice.layers.filter((l) => l !== layer)
    onChange({ ...choice, layers, csvGeometry: lonLatAllowed(layers) ? choice.csvGeometry : 'wkt' })
  }
  return (
    <>
      <fieldset className="exchange-field" data-testid="export-layers">
        <legend>{t('exchange.export.layers')}</legend>
        <div className="exchange-field__choices">
          {exportLayer.values.map((layer) => (
            <label key={layer} className="check">
              <input
                type="checkbox"
                name="layer"
                value={layer}
                checked={choice.layers.includes(layer)}
                onChange={(event) => toggleLayer(layer, event.target.checked)}
              />
              {domainLabel(exportLayer.labels, layer, language)}
            </label>
          ))}
        </div>
        {choice.layers.length === 0 && (
          <p className="form-error" role="alert">
            {t('exchange.export.noLayer')}
          </p>
        )}
      </fieldset>
      <div className="exchange-field">
        <label htmlFor={`${id}-format`}>{t('exchange.export.format')}</label>
        <select
          id={`${id}-format`}
          value={choice.format}
          onChange={(event) => {
            const format = event.target.value as ExportFormat
            onChange({ ...choice, format, crs: crsForFormat(format, choice.crs) })
          }}
        >
          {exportFormat.values.map((format) => (
            <option key={format} value={format}>
              {domainLabel(exportFormat.labels, format, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="exchange-field">
        <label htmlFor={`${id}-crs`}>{t('exchange.export.crs')}</label>
        <select
          id={`${id}-crs`}
          value={choice.crs}
          onChange={(event) => onChange({ ...choice, crs: event.target.value as ExportCrs })}
        >
          {exportCrs.values.map((crs) => (
            <option key={crs} value={crs} disabled={choice.format === 'dxf' && !DXF_CRS.includes(crs)}>
              {domainLabel(exportCrs.labels, crs, language)}
            </option>
          ))}
        </select>
        {choice.format === 'dxf' && <p className="muted">{t('exchange.export.dxfCrs')}</p>}
      </div>
      {choice.format === 'csv' && (
        <div className="exchange-field">
          <label htmlFor={`${id}-csv`}>{t('exchange.export.csvGeometry')}</label>
          <select
            id={`${id}-csv`}
            value={choice.csvGeometry}
            onChange={(event) =>
              onChange({ ...choice, csvGeometry: event.target.value === 'lonlat' ? 'lonlat' : 'wkt' })
            }
          >
            <option value="wkt">{t('exchange.export.csvWkt')}</option>
            <option value="lonlat" disabled={!lonLatAllowed(choice.layers)}>
              {t('exchange.export.csvLonLat')}
            </option>
          </select>
        </div>
      )}
    </>
  )
}
