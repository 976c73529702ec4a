// Statistics tables as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), CRLF, RFC 4180 quoting, and
// text that a spreadsheet would run as a formula guarded (the shared rules of packages/domain/src/csv-cell.ts).
import {
  CSV_BOM,
  CSV_CRLF,
  csvQuote,
  guardFormula,
  type StatsLanguage,
  type TableDefinition,
} from '@renewal-atlas/domain'
import { type CellValue, cellValue } from './cells.ts'

export function toCsv<Row>(table: TableDefinition<Row>, rows: readonly Row[], lang: StatsLanguage): string {
  const header = table.columns.map((column) => csvQuote(column.header[lang]))
  const body = rows.map((row) => table.columns.map((column) => csvCell(cellValue(column, row, lang))))
  return CSV_BOM + [header, ...body].map((cells) => cells.join(',') + CSV_CRLF).join('')
}

/** Numbers as numbers, never guarded, so a change of -3 stays -3; text guarded and quoted. */
function csvCell(value: CellValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  return csvQuote(guardFormula(value))
}
