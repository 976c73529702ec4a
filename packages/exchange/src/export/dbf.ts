// The attribute half of an ESRI Shapefile: a dBASE III table (.dbf) whose columns come from the field catalogue
// (dbf names, C/N/L types and widths). Text is UTF-8 (the .cpg says so), cut at a character boundary to fit its
// column; a null is a blank cell (also for a logical: GDAL reads a blank one as null but `?` as the text "?").
import type { ExchangeField, FieldType } from '@renewal-atlas/domain'
import type { ExportFeature } from '../types.ts'
import { fieldValue } from './field-value.ts'

type Value = string | number | boolean | null

export interface DbfColumn {
  /** Property the value is read from. */
  property: string
  /** dBASE column name (at most 10 ASCII characters). */
  name: string
  type: 'C' | 'N' | 'L'
  width: number
  decimals: number
}

const DEFAULT_TEXT_WIDTH = 80
const MAX_TEXT_WIDTH = 254
const INTEGER_WIDTH = 11
const NUMBER_WIDTH = 19
const NUMBER_DECIMALS = 6
const HEADER_BYTES = 32
const DESCRIPTOR_BYTES = 32
const HEADER_END = 0x0d
const SPACE = 0x20
/** dBASE type, width and decimals per catalogue type (text widths come from the field). */
const COLUMN_SHAPES: Readonly<Record<FieldType, Pick<DbfColumn, 'type' | 'width' | 'decimals'>>> = {
  string: { type: 'C', width: DEFAULT_TEXT_WIDTH, decimals: 0 },
  integer: { type: 'N', width: INTEGER_WIDTH, decimals: 0 },
  number: { type: 'N', width: NUMBER_WIDTH, decimals: NUMBER_DECIMALS },
  boolean: { type: 'L', width: 1, decimals: 0 },
}
/** Written once after the last record. */
export const DBF_END = Buffer.from([0x1a])

/** The dBASE columns of a layer's fields, in catalogue order. */
export function dbfColumns(fields: readonly ExchangeField[]): DbfColumn[] {
  return fields.map((field) => {
    if (!/^[\x21-\x7e]{1,10}$/.test(field.dbf)) {
      throw new TypeError(
        `dbf name ${JSON.stringify(field.dbf)} of ${field.name} is not 1–10 ASCII characters`,
      )
    }
    const shape = COLUMN_SHAPES[field.type]
    const width = field.type === 'string' ? Math.min(field.width ?? shape.width, MAX_TEXT_WIDTH) : shape.width
    return { property: field.name, name: field.dbf, ...shape, width }
  })
}

/** Bytes of one record: the deletion flag then every column. */
function recordBytes(columns: readonly DbfColumn[]): number {
  return 1 + columns.reduce((sum, column) => sum + column.width, 0)
}

/** The table header: version 3, date of last update, record count, sizes, then one descriptor per column. */
export function dbfHeader(columns: readonly DbfColumn[], recordCount: number, updated: Date): Buffer {
  const headerBytes = HEADER_BYTES + DESCRIPTOR_BYTES * columns.length + 1
  const header = Buffer.alloc(headerBytes)
  header.writeUInt8(0x03, 0)
  header.writeUInt8(updated.getUTCFullYear() - 1900, 1)
  header.writeUInt8(updated.getUTCMonth() + 1, 2)
  header.writeUInt8(updated.getUTCDate(), 3)
  header.writeUInt32LE(recordCount, 4)
  header.writeUInt16LE(headerBytes, 8)
  header.writeUInt16LE(recordBytes(columns), 10)
  // byte 29, the language driver id, stays 0: the .cpg names the encoding
  columns.forEach((column, i) => {
    const at = HEADER_BYTES + DESCRIPTOR_BYTES * i
    header.write(column.name, at, 'ascii')
    header.write(column.type, at + 11, 'ascii')
    header.writeUInt8(column.width, at + 16)
    header.writeUInt8(column.decimals, at + 17)
  })
  header.writeUInt8(HEADER_END, headerBytes - 1)
  return header
}

/** One record: a blank deletion flag, then each value in its column (text left-aligned, numbers right-aligned). */
export function dbfRecord(columns: readonly DbfColumn[], feature: ExportFeature): Buffer {
  const record = Buffer.alloc(recordBytes(columns), SPACE)
  let at = 1
  for (const column of columns) {
    const value = fieldValue(feature, column.property)
    if (column.type === 'C') writeText(record, at, column.width, value)
    else if (column.type === 'L' && typeof value === 'boolean') record.write(value ? 'T' : 'F', at, 'ascii')
    else if (column.type === 'N') {
      const text = numberText(column, value)
      record.write(text, at + column.width - text.length, 'ascii')
    }
    at += column.width
  }
  return record
}

/** UTF-8 text cut to `width` bytes without splitting a character (the rest stays blank). */
function writeText(record: Buffer, at: number, width: number, value: Value) {
  if (value === null) return
  const bytes = Buffer.from(String(value), 'utf8')
  let end = Math.min(bytes.length, width)
  // a continuation byte (10xxxxxx) at the cut means the cut would split a character: step back to its start
  while (end < bytes.length && end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--
  bytes.copy(record, at, 0, end)
}

/** A number as dBASE text: integers without decimals, other numbers with at most 6 and no trailing zeros. */
function numberText(column: DbfColumn, value: Value): string {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isFinite(number)) return ''
  const text =
    column.decimals === 0 ? String(Math.round(number)) : number.toFixed(column.decimals).replace(/\.?0+$/, '')
  const tidy = text === '-0' ? '0' : text
  // toFixed and String fall back to exponents beyond 1e21, which dBASE cannot read
  if (tidy.length > column.width || tidy.includes('e')) {
    throw new RangeError(
      `${column.property} = ${number} does not fit the ${column.width} characters of ${column.name}`,
    )
  }
  return tidy
}
