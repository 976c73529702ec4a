// The header's 导出 and 导入 buttons, each shown only to a role that may use its API, on every page so that the header
// stays the same: 导出 opens the export dialog with the view's filters and selected compound (and, on the map, its
// extent as an area to choose); 导入 opens the import wizard page.
import { useState } from 'react'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { CompoundFilters } from '../../map/compound-filter.ts'
import type { Bounds } from '../../map/geojson-bounds.ts'
import { useSession } from '../session/session-context.tsx'
import { ExportDialog } from './export-dialog.tsx'

export interface ExchangeActionsProps {
  filters: CompoundFilters
  selectedCompoundId: number | null
  areas: AtlasAreas | null
  /** The map's current view, read when the dialog opens; undefined off the map (no "current view" area then). */
  mapBounds: () => Bounds | undefined
  importsOpen: boolean
  onOpenImports: () => void
}

export function ExchangeActions(props: ExchangeActionsProps) {
  const { t } = useI18n()
  const { mayUseRoute } = useSession()
  const [exportView, setExportView] = useState<{ bounds: Bounds | undefined } | null>(null)
  const mayExport = mayUseRoute('GET /api/v1/exports/{layer}')
  const mayImport = mayUseRoute('POST /api/v1/imports')
  if (!mayExport && !mayImport) return null
  return (
    <div className="exchange-actions">
      {mayExport && (
        <button
          type="button"
          className="header-button"
          aria-haspopup="dialog"
          onClick={() => setExportView({ bounds: props.mapBounds() })}
          data-testid="export-button"
        >
          {t('exchange.export.open')}
        </button>
      )}
      {mayImport && (
        <button
          type="button"
          className="header-button"
          aria-current={props.importsOpen ? 'page' : undefined}
          onClick={props.onOpenImports}
          data-testid="import-button"
        >
          {t('exchange.import.open')}
        </button>
      )}
      {exportView && (
        <ExportDialog
          filters={props.filters}
          compoundId={props.selectedCompoundId}
          areas={props.areas}
          viewBounds={exportView.bounds}
          onClose={() => setExportView(null)}
        />
      )}
    </div>
  )
}
