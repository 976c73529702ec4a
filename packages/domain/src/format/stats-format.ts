// How the statistics are written for a reader: a table cell by its column kind, a headline figure and its
// year-on-year change. The dashboard and the PDF report both write them through these, so they say the same.
import type { Label } from '../labels.ts'
import type { HeadlineFigure } from '../stats.schema.ts'
import { type ColumnKind, headlineLabels } from '../stats.tables.ts'
import { AREA_UNIT, type NumberFormat } from './number-format.ts'

/** A table cell as text: by its column's kind, coded values by their label, nothing as an em dash. */
export function formatCell(
  kind: ColumnKind,
  value: unknown,
  format: NumberFormat,
  labels?: Readonly<Record<string, Label>>,
): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') {
    const label = labels?.[value]
    return label ? label[format.language] : value
  }
  if (typeof value !== 'number') return String(value)
  switch (kind) {
    case 'int':
    case 'area':
    case 'yuan':
      return format.count(value)
    case 'year':
      return String(value)
    case 'share':
      return format.percent(value)
    default:
      return format.decimal(value, 2)
  }
}

/** A headline figure as a card shows it: the value, and its unit where the label does not carry one. */
export interface HeadlineValue {
  /** 1,189 · 63.5% · 402万 */
  value: string
  /** m² for the floor area; empty otherwise (counts are named by the label). */
  unit: string
}

export function headlineValue(figure: HeadlineFigure, format: NumberFormat): HeadlineValue {
  const kind = headlineLabels[figure.key].kind
  if (kind === 'share') return { value: format.percent(figure.value), unit: '' }
  if (kind === 'area') return { value: format.compact(figure.value), unit: AREA_UNIT }
  return { value: format.count(figure.value), unit: '' }
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none'

export interface HeadlineChange {
  direction: ChangeDirection
  /** The size of the change without its sign, in the figure's unit: 83 · 11.1个百分点 · 75.8万 m². */
  amount: string | null
  /** The same with its sign: +83 · +11.1个百分点 · +75.8万 m². */
  signedAmount: string | null
  /** The relative change with its sign, +21.1%; null for coverage (its change is in points) or without a base. */
  ratio: string | null
}

/**
 * The year-on-year change of a headline figure. Coverage changes in percentage points; the floor area in the
 * card's short form with its unit, so "402万 m²" stands beside "+75.8万 m²", never beside a raw "+758,230".
 */
export function headlineChange(figure: HeadlineFigure, format: NumberFormat): HeadlineChange {
  if (figure.previous === null || figure.change === null) {
    return { direction: 'none', amount: null, signedAmount: null, ratio: null }
  }
  const kind = headlineLabels[figure.key].kind
  const change = figure.change
  const magnitude =
    kind === 'share'
      ? (abs: number) => format.points(abs).replace(/^\+/, '')
      : kind === 'area'
        ? (abs: number) => `${format.compact(abs)} ${AREA_UNIT}`
        : format.count
  const amount = magnitude(Math.abs(change))
  const signedAmount = format.signed(change, magnitude)
  const direction: ChangeDirection = signedAmount === amount ? 'flat' : change > 0 ? 'up' : 'down'
  const ratio =
    kind === 'share' || figure.changeRatio === null
      ? null
      : format.signed(figure.changeRatio, (abs) => format.percent(abs))
  return { direction, amount, signedAmount, ratio }
}
