// The shapes that pass between the database side (apps/api repositories) and the file side (this package):
// features going out to writers, and what readers make of an upload.
import type {
  ExportLayer,
  ImportFormat,
  ImportIssue,
  ImportReasonData,
  SourceCrs,
} from '@renewal-atlas/domain'

/** A GeoJSON geometry as plain data (coordinates already in the export's coordinate system). */
export interface Geometry {
  type: 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon'
  // biome-ignore lint/suspicious/noExplicitAny: nested position arrays of any depth
  coordinates: any
}

/** One feature on its way to a file: properties keyed by EXCHANGE_LAYERS[layer].fields[].name. */
export interface ExportFeature {
  id: number
  properties: Record<string, string | number | boolean | null>
  geometry: Geometry | null
}

/** A layer's features in id order, in batches (a database page each), read lazily so memory stays flat. */
export interface LayerSource {
  layer: ExportLayer
  batches: AsyncIterable<ExportFeature[]>
}

/** A file as uploaded. */
export interface UploadedFile {
  name: string
  bytes: Uint8Array
}

/** One feature as read from an upload, before mapping: geometry in the file's own system, raw attribute values. */
export interface SourceFeature {
  /** 1-based position in the file. */
  n: number
  geometry: Geometry | null
  properties: Record<string, unknown>
  /** Problems found while reading this feature (bad WKT, non-numeric lon/lat, too many vertices…). */
  issues: ImportIssue[]
}

export interface SourceDataset {
  format: ImportFormat
  /** Attribute columns in file order (CSV: all columns, including the geometry ones). */
  columns: string[]
  features: SourceFeature[]
  /** The .prj text of a Shapefile, if any. */
  prj: string | null
  /** The encoding the text was decoded with, when it was detected or declared. */
  encoding: 'utf-8' | 'gbk' | null
  /** CSV: the geometry columns used (detected by name unless given). */
  geometryColumns: { lon: string | null; lat: string | null; wkt: string | null }
}

export interface CrsGuess {
  crs: SourceCrs | null
  /** Why: what declared it (crs_declared, source prj), or the ranges of the coordinates that decided (crs_degrees…). */
  reason: ImportReasonData
}
