// The value of one table cell for a download: coded text through its label, numbers rounded to what they mean.
import type { Column, ColumnKind, StatsLanguage } from '@renewal-atlas/domain'

export type CellValue = string | number | null

/** Decimal places kept per kind: shares to a ten-thousandth of a percent, money to the fen. */
const DECIMALS: Record<ColumnKind, number | undefined> = {
  text: undefined,
  int: 0,
  year: 0,
  share: 6,
  yuan: 2,
  area: 2,
  decimal: 6,
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind !== 'text'
}

/**
 * The cell of `column` in `row`: null stays empty, numbers stay numbers, coded values get their label. A cell
 * with no value (the coverage of an area with no old compounds) is empty, never a misleading 0.
 */
export function cellValue<Row>(column: Column<Row>, row: Row, lang: StatsLanguage): CellValue {
  if (column.noValue?.when(row)) return null
  const raw = (row as Record<string, unknown>)[column.key]
  if (raw === null || raw === undefined) return null
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return null
    if (!isNumericKind(column.kind)) return String(raw)
    return round(raw, DECIMALS[column.kind] ?? 6)
  }
  const text = String(raw)
  return column.labels?.[text]?.[lang] ?? text
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  const rounded = Math.round(value * factor) / factor
  return rounded === 0 ? 0 : rounded // no negative zero
}
