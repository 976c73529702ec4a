// 导出: the export dialog. Layers, format, coordinate system and area, with the map's filters applied and listed;
// it names the file that will be produced, downloads it with progress and a cancel, and saves it.
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { compoundQueries } from '../../api/compounds.queries.ts'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { CompoundFilters } from '../../map/compound-filter.ts'
import type { Bounds } from '../../map/geojson-bounds.ts'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { DownloadProgress, formatBytes } from './download-progress.tsx'
import { ExchangeProblem } from './exchange-problem.tsx'
import { type AreaChoice, areaOf, ExportAreaFields } from './export-area-fields.tsx'
import { ExportFilterSummary } from './export-filter-summary.tsx'
import { ExportFormatFields, type FormatChoice } from './export-format-fields.tsx'
import { defaultNearRadius, type ExportPlan, planExport } from './export-request.ts'
import { type DownloadState, useFileDownload } from './use-file-download.ts'
import './exchange.css'

export interface ExportDialogProps {
  filters: CompoundFilters
  /** The compound chosen on the map, for "所选小区周边"; null when none is. */
  compoundId: number | null
  areas: AtlasAreas | null
  /** The map's view when the dialog opened; undefined when there is no map. */
  viewBounds: Bounds | undefined
  onClose: () => void
}

/** The selected compound's name for the area choice (its number until the record arrives). */
function useCompoundName(compoundId: number | null): string | null {
  const record = useQuery({ ...compoundQueries.record(compoundId ?? 0), enabled: compoundId !== null })
  return compoundId === null ? null : (record.data?.compound.properties.name ?? `#${compoundId}`)
}

export function ExportDialog({ filters, compoundId, areas, viewBounds, onClose }: ExportDialogProps) {
  const { t } = useI18n()
  const [formatChoice, setFormatChoice] = useState<FormatChoice>({
    layers: ['compounds'],
    format: 'geojson',
    crs: '4326',
    csvGeometry: 'wkt',
  })
  const [areaChoice, setAreaChoice] = useState<AreaChoice>({
    kind: 'all',
    radius: defaultNearRadius,
    clip: false,
  })
  const compoundName = useCompoundName(compoundId)
  const download = useFileDownload()
  const [started, setStarted] = useState<ExportPlan | null>(null)

  const area = areaOf(areaChoice, viewBounds, compoundId)
  const plan =
    area && formatChoice.layers.length > 0
      ? planExport({ ...formatChoice, area, clip: areaChoice.clip, filters })
      : null
  const running = download.state.status === 'running'
  const start = () => {
    if (!plan) return
    setStarted(plan)
    download.start(plan.path, plan.fileName)
  }

  return (
    <ModalDialog
      title={t('exchange.export.title')}
      onClose={onClose}
      className="exchange-dialog"
      testId="export-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('exchange.close')}
          </button>
          {running ? (
            <button type="button" className="button button--danger-quiet" onClick={download.cancel}>
              {t('exchange.export.cancel')}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={start} disabled={!plan}>
              {t('exchange.export.start')}
            </button>
          )}
        </>
      }
    >
      <div className="exchange-export" data-export-state={download.state.status}>
        <fieldset className="exchange-export__form" disabled={running}>
          <legend className="visually-hidden">{t('exchange.export.title')}</legend>
          <div className="exchange-export__column">
            <ExportFormatFields choice={formatChoice} onChange={setFormatChoice} />
          </div>
          <div className="exchange-export__column">
            <ExportAreaFields
              choice={areaChoice}
              onChange={setAreaChoice}
              canUseView={viewBounds !== undefined}
              compoundName={compoundName}
            />
            <ExportFilterSummary filters={filters} areas={areas} />
          </div>
        </fieldset>
        {plan && (
          <p className="exchange-export__file">
            {t('exchange.export.fileName')} <code data-testid="export-file-name">{plan.fileName}</code>
            {plan.bundle && <span className="muted"> {t('exchange.export.bundleNote')}</span>}
          </p>
        )}
        {formatChoice.crs !== '4326' && <p className="note">{t('exchange.export.crsNote')}</p>}
        <DownloadStatus state={download.state} plan={started} />
      </div>
    </ModalDialog>
  )
}

function DownloadStatus({ state, plan }: { state: DownloadState; plan: ExportPlan | null }) {
  const { t, formatNumber } = useI18n()
  switch (state.status) {
    case 'running':
      return plan && <DownloadProgress progress={state.progress} kind={plan.progress} />
    case 'saved':
      return (
        <p className="form-success" role="status" data-testid="export-saved" data-file-name={state.fileName}>
          {t('exchange.export.saved', {
            file: state.fileName,
            size: formatBytes(state.bytes, formatNumber),
          })}
        </p>
      )
    case 'cancelled':
      return (
        <p className="muted" role="status">
          {t('exchange.export.cancelled')}
        </p>
      )
    case 'error':
      return <ExchangeProblem error={state.error} />
    default:
      return null
  }
}
