// What the export dialog asks for, as the API path it downloads and the file that path produces: one layer in
// WGS84 is a single file from /exports/{layer}; anything else is the bundle zip, whose README and metadata.json
// state the coordinate system. Pure, so each rule is tested without a screen.
import {
  CRS_INFO,
  DXF_CRS,
  EXCHANGE_LAYERS,
  EXPORT_FORMAT_FILES,
  type ExportCrs,
  type ExportFormat,
  type ExportLayer,
  exportLayer,
} from '@renewal-atlas/domain'
import type { CompoundFilters } from '../../map/compound-filter.ts'
import type { Bounds } from '../../map/geojson-bounds.ts'

/** Metres around the selected compound when the planner has not said otherwise (a 5-minute walk). */
export const defaultNearRadius = 300

/** The bundle's name when none is given (the API's default). */
const bundleName = 'renewal-atlas'

/** Which features: all that pass the filters, those in the map's view, or those near the selected compound. */
export type ExportArea =
  | { kind: 'all' }
  | { kind: 'view'; bbox: Bounds }
  | { kind: 'near'; compoundId: number; radius: number }

export interface ExportChoice {
  layers: readonly ExportLayer[]
  format: ExportFormat
  crs: ExportCrs
  area: ExportArea
  /** Cut features at the area instead of keeping whole features that touch it. */
  clip: boolean
  csvGeometry: 'wkt' | 'lonlat'
  filters: CompoundFilters
}

/** How a download reports progress: features counted as lines of a text format, or bytes received. */
export type ProgressKind = { kind: 'lines'; headerLines: number } | { kind: 'bytes' }

export interface ExportPlan {
  /** Path under /api/v1 with its query. */
  path: string
  fileName: string
  bundle: boolean
  progress: ProgressKind
}

/** Lines a text format writes before its first feature: the FeatureCollection opening, the CSV header. */
const headerLines: Partial<Record<ExportFormat, number>> = { geojson: 1, geojsonseq: 0, csv: 1 }

/** The coordinate system a format allows: DXF is drawn in Gauss-Kruger metres only, so it moves to EPSG:4544. */
export function crsForFormat(format: ExportFormat, crs: ExportCrs): ExportCrs {
  return format === 'dxf' && !DXF_CRS.includes(crs) ? '4544' : crs
}

/** Lon/lat columns are for point layers only; other geometries need WKT. */
export function lonLatAllowed(layers: readonly ExportLayer[]): boolean {
  return layers.length > 0 && layers.every((layer) => EXCHANGE_LAYERS[layer].geometry === 'Point')
}

/** `compounds.geojson`, `compounds_EPSG4544.geojson`, `buildings_GCJ02.csv`, `renewal-atlas_EPSG4544.zip`. */
export function exportFileName(base: string, extension: string, crs: ExportCrs): string {
  const tag = CRS_INFO[crs].fileTag
  return `${base}${tag ? `_${tag}` : ''}.${extension}`
}

/** The map's filters the export honours; the households range is the map's own and not an export filter. */
export function exportFilterQuery(filters: CompoundFilters): URLSearchParams {
  const query = new URLSearchParams()
  if (filters.street !== undefined) query.set('street', filters.street)
  if (filters.community !== undefined) query.set('community', filters.community)
  if (filters.status !== undefined && filters.status.length > 0) query.set('status', filters.status.join(','))
  if (filters.onRegister !== undefined) query.set('onRegister', String(filters.onRegister))
  if (filters.builtFrom !== undefined) query.set('builtFrom', String(filters.builtFrom))
  if (filters.builtTo !== undefined) query.set('builtTo', String(filters.builtTo))
  return query
}

/** `bbox` with six decimals (about 10 cm): the API reads plain decimals, never exponents. */
function bboxText(bbox: Bounds): string {
  return bbox.map((n) => n.toFixed(6)).join(',')
}

/** Layers in the catalogue's order, whatever order they were ticked in. */
function ordered(layers: readonly ExportLayer[]): ExportLayer[] {
  return exportLayer.values.filter((layer) => layers.includes(layer))
}

export function planExport(choice: ExportChoice): ExportPlan {
  const layers = ordered(choice.layers)
  const crs = crsForFormat(choice.format, choice.crs)
  const query = new URLSearchParams({ format: choice.format })
  if (crs !== '4326') query.set('crs', crs)
  for (const [name, value] of exportFilterQuery(choice.filters)) query.set(name, value)
  const { area } = choice
  if (area.kind === 'view') query.set('bbox', bboxText(area.bbox))
  if (area.kind === 'near') {
    query.set('near', String(area.compoundId))
    query.set('radius', String(area.radius))
  }
  if (choice.clip && area.kind !== 'all') query.set('clip', 'true')
  if (choice.format === 'csv') {
    query.set('csvGeometry', choice.csvGeometry === 'lonlat' && lonLatAllowed(layers) ? 'lonlat' : 'wkt')
  }
  const [only] = layers
  if (layers.length === 1 && only && crs === '4326') {
    const lines = headerLines[choice.format]
    return {
      path: `/exports/${only}?${query}`,
      fileName: exportFileName(only, EXPORT_FORMAT_FILES[choice.format].extension, crs),
      bundle: false,
      progress: lines === undefined ? { kind: 'bytes' } : { kind: 'lines', headerLines: lines },
    }
  }
  query.set('layers', layers.join(','))
  return {
    path: `/exports/bundle?${query}`,
    fileName: exportFileName(bundleName, 'zip', crs),
    bundle: true,
    progress: { kind: 'bytes' },
  }
}

/** Features written so far, from the newlines received: each feature of a text format is one line. */
export function featuresWritten(newlines: number, headerLineCount: number, total: number | null): number {
  const written = Math.max(0, newlines - headerLineCount)
  return total === null ? written : Math.min(total, written)
}
