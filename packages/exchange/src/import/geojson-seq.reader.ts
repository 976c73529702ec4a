// GeoJSON text sequences (GeoJSON 文本序列): RFC 8142 files as our exports write them (RS 0x1E + one Feature + LF
// per record), and newline-delimited GeoJSON (one Feature per line, no RS: GDAL's GeoJSONSeq default, `.geojsonl`,
// `.ndjson`). Each record is one feature (a bare geometry is a feature without properties) and meets the same guards
// as a GeoJSON file: the records are counted against maxFeatures before any is parsed, then each passes the depth
// scan (which also cuts out rings over maxVerticesPerFeature) and is parsed with prototype keys refused. A record that
// is not valid JSON refuses the whole file naming the record, as a FeatureCollection member that is not a Feature
// refuses a GeoJSON file.
import { IMPORT_LIMITS } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import type { SourceDataset } from '../types.ts'
import { checkFeatureCount } from './dataset.ts'
import { isGeometryObject, readFeatureObjects } from './geojson.reader.ts'
import { guardJsonText, parseJsonSafely } from './json-scan.ts'

/** The record separator of RFC 7464 / RFC 8142. */
const RS = 0x1e
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const TAB = 0x09
const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

const isWhitespace = (c: number) => c === SPACE || c === LF || c === CR || c === TAB

function skipWhitespace(text: string, from: number): number {
  let i = from
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++
  return i
}

/** Whether decoded text (byte order mark dropped) starts with a record separator after white space. */
export const startsWithRecordSeparator = (text: string): boolean =>
  text.charCodeAt(skipWhitespace(text, 0)) === RS

/**
 * Whether JSON text is newline-delimited GeoJSON: its first line holds one whole JSON object and another object
 * starts on a later line. A JSON document has nothing after its value, and a pretty-printed FeatureCollection does
 * not close on its first line, so both stay GeoJSON. Looks at the first line and the start of the next only.
 */
export function isNewlineDelimited(text: string): boolean {
  let i = skipWhitespace(text, 0)
  if (text.charCodeAt(i) !== OPEN_OBJECT) return false
  let depth = 0
  let inString = false
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === LF) return false
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++
    else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) break
  }
  let rest = i + 1
  while (rest < text.length && [SPACE, TAB, CR].includes(text.charCodeAt(rest))) rest++
  if (rest >= text.length || text.charCodeAt(rest) !== LF) return false
  return text.charCodeAt(skipWhitespace(text, rest)) === OPEN_OBJECT
}

/** A record of a sequence: its 1-based number, the line it starts on and where its text lies. */
interface SeqRecord {
  n: number
  line: number
  start: number
  end: number
}

/**
 * The non-blank records of a sequence split at `separator`, and how many there are in all (records past
 * maxFeatures are counted, not kept). JSON strings cannot hold a raw RS or LF, so splitting at them is exact.
 */
function recordsOf(text: string, separator: number): { records: SeqRecord[]; total: number } {
  const records: SeqRecord[] = []
  let total = 0
  let line = 1
  const separatorText = String.fromCharCode(separator)
  for (let start = 0; start <= text.length; ) {
    const found = text.indexOf(separatorText, start)
    const end = found < 0 ? text.length : found
    const first = skipWhitespace(text, start)
    if (first < end && ++total <= IMPORT_LIMITS.maxFeatures) {
      records.push({ n: total, line: line + linesBetween(text, start, first), start: first, end })
    }
    line += linesBetween(text, start, end) + (separator === LF ? 1 : 0)
    start = end + 1
  }
  return { records, total }
}

function linesBetween(text: string, from: number, to: number): number {
  let lines = 0
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === LF) lines++
  return lines
}

export function readGeoJsonSeq(text: string, what: string): Omit<SourceDataset, 'encoding'> {
  const { records, total } = recordsOf(text, startsWithRecordSeparator(text) ? RS : LF)
  checkFeatureCount(total, what)
  const nameOf = (record: SeqRecord) => `Record ${record.n} (line ${record.line}) of ${what}`
  const rawFeatures = records.map((record) => {
    const value = parseRecord(text.slice(record.start, record.end), nameOf(record))
    return isGeometryObject(value) ? { type: 'Feature', properties: null, geometry: value } : value
  })
  return {
    format: 'geojsonseq',
    ...readFeatureObjects(rawFeatures, (i) => nameOf(records[i] as SeqRecord), what),
    prj: null,
    geometryColumns: { lon: null, lat: null, wkt: null },
  }
}

/** One record's JSON, through the depth scan and the prototype-key guard, with the record named in any refusal. */
function parseRecord(json: string, name: string): unknown {
  let guarded: string
  try {
    guarded = guardJsonText(json)
  } catch (error) {
    if (error instanceof FileRejected)
      throw new FileRejected(error.code, `${name}: ${error.reason}`, error.status)
    throw error
  }
  return parseJsonSafely(guarded, name)
}
