// readUpload: an uploaded file → the features it holds, or FileRejected with the reason. The size limit comes first,
// then the format from the first bytes (zip → zipped Shapefile, RS → GeoJSON text sequence, `{`/`[` → GeoJSON or,
// when its first line is a whole object and another follows, newline-delimited GeoJSON; other text → CSV), then the
// format's own checks. Per-feature problems ride on the features (SourceFeature.issues). Node only (zip).
import { IMPORT_LIMITS, type ImportEncoding } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import type { SourceDataset, UploadedFile } from '../types.ts'
import { readCsv } from './csv.reader.ts'
import { readGeoJson } from './geojson.reader.ts'
import { isNewlineDelimited, readGeoJsonSeq } from './geojson-seq.reader.ts'
import { readShapefileZip } from './shapefile-zip.reader.ts'
import { sniffUpload, type UploadKind } from './sniff.ts'
import { decodeUpload } from './text.ts'
import { count, formatBytes } from './words.ts'

export interface ReadOptions {
  encoding: ImportEncoding
  lonColumn?: string | undefined
  latColumn?: string | undefined
  wktColumn?: string | undefined
}

export async function readUpload(file: UploadedFile, options: ReadOptions): Promise<SourceDataset> {
  const { bytes } = file
  if (bytes.length > IMPORT_LIMITS.maxUploadBytes) {
    throw new FileRejected(
      'file_too_large',
      `${file.name} is ${count(bytes.length)} bytes, over the limit of ${formatBytes(IMPORT_LIMITS.maxUploadBytes)} (${count(IMPORT_LIMITS.maxUploadBytes)} bytes)`,
      413,
    )
  }
  if (bytes.length === 0) throw new FileRejected('no_features', `${file.name} is empty (0 bytes)`)
  const kind = sniffUpload(bytes)
  if (kind === 'zip') return readShapefileZip(bytes, options.encoding)
  const { text, encoding } = decodeUpload(bytes, options.encoding, file.name)
  return { ...readText(kind, text, file.name, options), encoding }
}

function readText(
  kind: Exclude<UploadKind, 'zip'>,
  text: string,
  name: string,
  options: ReadOptions,
): Omit<SourceDataset, 'encoding'> {
  if (kind === 'csv') return readCsv(text, name, options)
  if (kind === 'geojsonseq' || isNewlineDelimited(text)) return readGeoJsonSeq(text, name)
  return readGeoJson(text, name)
}
