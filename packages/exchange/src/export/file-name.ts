// Export file names: the layer (or bundle) name, the coordinate system when it is not WGS84, the format's extension,
// so a file says what it holds: compounds.geojson, compounds_EPSG4544.geojson, buildings_GCJ02.csv.
import {
  CRS_INFO,
  EXPORT_FORMAT_FILES,
  type ExportCrs,
  type ExportFormat,
  type ExportLayer,
} from '@renewal-atlas/domain'

export function exportFileName(layer: ExportLayer | string, format: ExportFormat, crs: ExportCrs): string {
  const tag = CRS_INFO[crs].fileTag
  return `${layer}${tag ? `_${tag}` : ''}.${EXPORT_FORMAT_FILES[format].extension}`
}
