// An upload refused as a whole, before anything is written: the API answers it as problem+json with this status,
// code and reason; the CLI prints the reason and exits 1.
export type FileRejectionCode =
  | 'file_too_large'
  | 'unsupported_format'
  | 'zip_bomb'
  | 'zip_too_many_entries'
  | 'zip_unsafe_path'
  | 'zip_nested'
  | 'zip_invalid'
  | 'shapefile_incomplete'
  | 'shapefile_inconsistent'
  | 'shapefile_invalid'
  | 'json_invalid'
  | 'json_too_deep'
  | 'geojson_invalid'
  | 'csv_invalid'
  | 'encoding_invalid'
  | 'too_many_features'
  | 'no_features'

export class FileRejected extends Error {
  constructor(
    readonly code: FileRejectionCode,
    readonly reason: string,
    /** 413 for sizes, 415 for formats, 422 for content that cannot be read. */
    readonly status: 413 | 415 | 422 = 422,
  ) {
    super(reason)
    this.name = 'FileRejected'
  }
}
