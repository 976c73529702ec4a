// dBASE (.dbf) tables of Shapefiles (属性表), read from bytes: the header checked against the file's length, the
// text encoding chosen from the .cpg, the import options or the bytes themselves (cell by cell, so a character cut
// at a column's width does not count as broken), and each record turned into a prototype-free property bag.
import type { ImportEncoding } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import { checkColumnNames, newPropertyBag } from './property-bag.ts'
import {
  chooseEncoding,
  decodeText,
  firstInvalidGbk,
  firstInvalidUtf8,
  hasNonAscii,
  hex,
  type TextEncoding,
} from './text.ts'
import { count } from './words.ts'

interface DbfField {
  name: string
  type: string
  offset: number
  length: number
}

export interface DbfTable {
  fields: DbfField[]
  recordCount: number
  encoding: TextEncoding
  /** The attributes of record i (0-based). */
  record(i: number): Record<string, unknown>
}

/** How a declared encoding reached us, for the reason when the bytes contradict it. */
export interface DeclaredEncoding {
  encoding: ImportEncoding
  by: string
}

export function readDbf(bytes: Uint8Array, name: string, declared: DeclaredEncoding): DbfTable {
  if (bytes.length < 33) {
    throw new FileRejected(
      'shapefile_invalid',
      `${name} is too short to be a dBASE table (${bytes.length} bytes)`,
    )
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const recordCount = view.getUint32(4, true)
  const headerLength = view.getUint16(8, true)
  const recordLength = view.getUint16(10, true)
  const rawFields = readFieldDescriptors(bytes, headerLength, name)
  const width = rawFields.reduce((sum, f) => sum + f.length, 1)
  if (width > recordLength) {
    throw new FileRejected(
      'shapefile_invalid',
      `${name}: its columns need ${width} bytes per record but its records are ${recordLength} bytes`,
    )
  }
  const needed = headerLength + recordCount * recordLength
  if (needed > bytes.length) {
    throw new FileRejected(
      'shapefile_invalid',
      `${name} is cut short: ${count(recordCount)} records of ${recordLength} bytes need ${count(needed)} bytes but the file has ${count(bytes.length)}`,
    )
  }
  const textCells = (visit: (start: number, end: number, record: number, field: number) => boolean) => {
    for (const [f, field] of rawFields.entries()) if (!visit(field.nameStart, field.nameEnd, -1, f)) return
    for (let r = 0; r < recordCount; r++) {
      const base = headerLength + r * recordLength
      for (const [f, field] of rawFields.entries()) {
        if (field.type !== 'C') continue
        if (!visit(base + field.offset, base + field.offset + field.length, r, f)) return
      }
    }
  }
  const encoding = chooseEncoding(
    declared.encoding,
    cellProbe(bytes, textCells, rawFields),
    name,
    declared.by,
  )
  const fields = rawFields.map((f) => ({
    name: decodeText(bytes.subarray(f.nameStart, f.nameEnd), encoding).trim(),
    type: f.type,
    offset: f.offset,
    length: f.length,
  }))
  checkColumnNames(
    fields.map((f) => f.name),
    'shapefile_invalid',
    name,
  )
  return {
    fields,
    recordCount,
    encoding,
    record(i) {
      const base = headerLength + i * recordLength
      const bag = newPropertyBag()
      for (const field of fields) {
        const cell = bytes.subarray(base + field.offset, base + field.offset + field.length)
        bag[field.name] = cellValue(field.type, cell, encoding)
      }
      return bag
    },
  }
}

interface RawField {
  nameStart: number
  nameEnd: number
  type: string
  offset: number
  length: number
}

function readFieldDescriptors(bytes: Uint8Array, headerLength: number, name: string): RawField[] {
  const fields: RawField[] = []
  let offset = 1
  for (let at = 32; ; at += 32) {
    if (at >= bytes.length || at >= headerLength) {
      throw new FileRejected(
        'shapefile_invalid',
        `${name}: its header has no end marker (0x0D) among the column definitions`,
      )
    }
    if (bytes[at] === 0x0d) break
    if (at + 32 > headerLength) {
      throw new FileRejected('shapefile_invalid', `${name}: column ${fields.length + 1} runs past the header`)
    }
    let nameEnd = at
    while (nameEnd < at + 11 && bytes[nameEnd] !== 0) nameEnd++
    const length = bytes[at + 16] as number
    fields.push({
      nameStart: at,
      nameEnd,
      type: String.fromCharCode(bytes[at + 11] as number),
      offset,
      length,
    })
    offset += length
  }
  return fields
}

/** Probes the text cells of a table: the first broken cell is named by record and column. */
function cellProbe(
  bytes: Uint8Array,
  cells: (visit: (start: number, end: number, record: number, field: number) => boolean) => void,
  fields: readonly RawField[],
) {
  const find = (invalid: (start: number, end: number) => number) => {
    let found: string | null = null
    cells((start, end, record, field) => {
      const at = invalid(start, end)
      if (at < 0) return true
      const column = new TextDecoder('latin1').decode(
        bytes.subarray(fields[field]?.nameStart, fields[field]?.nameEnd),
      )
      found =
        record < 0
          ? `byte ${hex(bytes[at] as number)} in the name of column ${field + 1}`
          : `byte ${hex(bytes[at] as number)} in record ${record + 1}, column "${column}"`
      return false
    })
    return found
  }
  return {
    notUtf8: () => find((start, end) => firstInvalidUtf8(bytes, start, end, true)),
    notGbk: () => find((start, end) => firstInvalidGbk(bytes, start, end, true)),
    nonAscii: () => {
      let any = false
      cells((start, end) => {
        any = hasNonAscii(bytes, start, end)
        return !any
      })
      return any
    },
  }
}

function cellValue(type: string, cell: Uint8Array, encoding: TextEncoding): unknown {
  const text = decodeText(cell, encoding)
    .replace(/\uFFFD+$/, '')
    .replace(/\0/g, '')
    .trim()
  switch (type) {
    case 'N':
    case 'F': {
      if (text === '' || /^\*+$/.test(text)) return null
      const number = Number(text)
      // Anything else stays text, for the attribute check to report.
      return Number.isFinite(number) ? number : text
    }
    case 'L':
      if (/^[TtYy]$/.test(text)) return true
      if (/^[FfNn]$/.test(text)) return false
      return null
    case 'D':
      return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : null
    default:
      return text === '' ? null : text
  }
}
