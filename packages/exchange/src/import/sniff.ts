// What kind of file an upload is, from its first bytes: a zip (a zipped Shapefile), text (GeoJSON, a GeoJSON text
// sequence starting with RS 0x1E, or CSV), or something we cannot read, refused with what it looks like and what to
// upload instead. Newline-delimited GeoJSON starts like GeoJSON: the reader tells the two apart on the decoded text.
import { FileRejected } from '../errors.ts'
import { count } from './words.ts'

export type UploadKind = 'zip' | 'json' | 'geojsonseq' | 'csv'

const SUPPORTED = 'upload a zipped Shapefile, GeoJSON or CSV'

/** Magic numbers of files people upload by mistake, and what to tell them. */
const FOREIGN_SIGNATURES: readonly { bytes: readonly number[]; reason: string }[] = [
  { bytes: [0x1f, 0x8b], reason: `The file is a gzip archive: ${SUPPORTED}` },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: `The file is a 7-Zip archive: ${SUPPORTED}` },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], reason: `The file is a RAR archive: ${SUPPORTED}` },
  { bytes: [0x25, 0x50, 0x44, 0x46], reason: `The file is a PDF document: ${SUPPORTED}` },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    reason: 'The file is an old Office document (xls/doc): save the sheet as CSV and upload that',
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], reason: `The file is a PNG image: ${SUPPORTED}` },
  { bytes: [0xff, 0xd8, 0xff], reason: `The file is a JPEG image: ${SUPPORTED}` },
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66],
    reason: `The file is an SQLite database or GeoPackage: ${SUPPORTED}`,
  },
  {
    bytes: [0x00, 0x00, 0x27, 0x0a],
    reason: 'The file is a bare .shp: zip it with its .dbf, .shx, .prj and .cpg and upload the zip',
  },
]

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
]

/** How much of a text upload is searched for NUL bytes (which text files do not contain). */
const BINARY_PROBE_BYTES = 64 * 1024

export function sniffUpload(bytes: Uint8Array): UploadKind {
  const startsWith = (signature: readonly number[]) => signature.every((b, i) => bytes[i] === b)
  if (ZIP_SIGNATURES.some(startsWith)) return 'zip'
  const foreign = FOREIGN_SIGNATURES.find((s) => startsWith(s.bytes))
  if (foreign) throw new FileRejected('unsupported_format', foreign.reason, 415)
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  const nul = utf16 ? -1 : bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0)
  if (nul >= 0) {
    throw new FileRejected(
      'unsupported_format',
      `The file is binary data, not a zip, GeoJSON or CSV (a NUL byte at offset ${count(nul)}): ${SUPPORTED}`,
      415,
    )
  }
  const first = firstSignificantChar(bytes)
  if (first === '\x1e') return 'geojsonseq'
  return first === '{' || first === '[' ? 'json' : 'csv'
}

/** The first character after a byte order mark and white space (ASCII in UTF-8 and GBK alike). */
function firstSignificantChar(bytes: Uint8Array): string {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i++
  return i < bytes.length ? String.fromCharCode(bytes[i] as number) : ''
}
