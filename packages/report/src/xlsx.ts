// Statistics tables as an Excel workbook: one sheet per table, bold frozen header, numbers as numbers with formats.
import {
  type ColumnKind,
  numberFormat,
  type StatsLanguage,
  type TableDefinition,
} from '@renewal-atlas/domain'
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node'
import { type CellValue, cellValue, isNumericKind } from './cells.ts'

/**
 * One sheet: a table definition and its rows. The row type is erased here so sheets of different tables can
 * share one workbook; `toXlsx([{ table: coverageTables.street, rows }])` still checks the table's keys.
 */
export interface XlsxSheet {
  table: TableDefinition<never>
  rows: readonly unknown[]
}

/** Excel number formats per kind; decimals (mixed figures) keep the General format. */
const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  year: '0',
  share: '0.0%',
  yuan: '#,##0.00',
  area: '#,##0',
  decimal: undefined,
}

/** The domain's writing of numbers, which Excel's formats above match in both languages. */
const shown = numberFormat('en')

const MIN_WIDTH = 8
const MAX_WIDTH = 48
/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ and no apostrophe at either end. */
const SHEET_NAME_MAX = 31
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]+/g

export async function toXlsx(sheets: readonly XlsxSheet[], lang: StatsLanguage): Promise<Buffer> {
  if (sheets.length === 0) throw new Error('toXlsx needs at least one sheet')
  const used = new Set<string>()
  const workbook: Sheet<Buffer>[] = sheets.map(({ table, rows }) => {
    const values = rows.map((row) => table.columns.map((column) => cellValue(column, row as never, lang)))
    const header: Cell[] = table.columns.map((column) => ({
      value: column.header[lang],
      type: String,
      fontWeight: 'bold',
      backgroundColor: '#E8EEF5',
      bottomBorderStyle: 'thin',
      bottomBorderColor: '#8A94A6',
      align: isNumericKind(column.kind) ? 'right' : 'left',
      wrap: true,
    }))
    const body: Cell[][] = values.map((cells) =>
      cells.map((value, i) => xlsxCell(value, table.columns[i]?.kind ?? 'text')),
    )
    return {
      data: [header, ...body],
      sheet: uniqueSheetName(table.title[lang], used),
      columns: table.columns.map((column, i) => ({
        width: columnWidth(
          column.header[lang],
          column.kind,
          values.map((cells) => cells[i] ?? null),
        ),
      })),
      stickyRowsCount: 1,
    }
  })
  return writeXlsxFile(workbook, { fontFamily: 'Calibri', fontSize: 11 }).toBuffer()
}

function xlsxCell(value: CellValue, kind: ColumnKind): Cell {
  if (value === null) return null
  if (typeof value === 'number') {
    const format = NUMBER_FORMAT[kind]
    return format ? { value, type: Number, format } : { value, type: Number }
  }
  return { value, type: String }
}

/** A width in characters that fits the header and the longest cell; CJK characters count double. */
function columnWidth(header: string, kind: ColumnKind, cells: readonly CellValue[]): number {
  let widest = displayWidth(header)
  for (const value of cells) {
    if (value === null) continue
    const text = typeof value === 'number' ? shownNumber(value, kind) : value
    widest = Math.max(widest, displayWidth(text))
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2))
}

/** Roughly what Excel shows for the number with its format, for sizing only. */
function shownNumber(value: number, kind: ColumnKind): string {
  switch (kind) {
    case 'share':
      return shown.percent(value)
    case 'yuan':
      return shown.fixed(value, 2)
    case 'int':
    case 'area':
      return shown.count(value)
    default:
      return String(value)
  }
}

function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1
  return width
}

/** The sheet name from the table title, made legal and unique within the workbook. */
export function sheetName(title: string): string {
  const cleaned = title
    .replace(SHEET_NAME_FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
  const name = Array.from(cleaned).slice(0, SHEET_NAME_MAX).join('').trim()
  return name || 'Sheet'
}

function uniqueSheetName(title: string, used: Set<string>): string {
  const base = sheetName(title)
  let name = base
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`
    name =
      Array.from(base)
        .slice(0, SHEET_NAME_MAX - suffix.length)
        .join('')
        .trim() + suffix
  }
  used.add(name.toLowerCase())
  return name
}
