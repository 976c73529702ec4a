// Statistics tables as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), CRLF, RFC 4180 quoting.
import type { StatsLanguage, TableDefinition } from '@renewal-atlas/domain'
import { type CellValue, cellValue } from './cells.ts'

const BOM = '\uFEFF'
const CRLF = '\r\n'

/**
 * Text a spreadsheet would run as a formula (OWASP CSV injection): = + - @ and tab or carriage return at the
 * start. Numbers are written as numbers and never guarded, so a change of -3 stays -3.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function toCsv<Row>(table: TableDefinition<Row>, rows: readonly Row[], lang: StatsLanguage): string {
  const header = table.columns.map((column) => quote(column.header[lang]))
  const body = rows.map((row) => table.columns.map((column) => csvCell(cellValue(column, row, lang))))
  return BOM + [header, ...body].map((cells) => cells.join(',') + CRLF).join('')
}

function csvCell(value: CellValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  return quote(FORMULA_START.test(value) ? `'${value}` : value)
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
