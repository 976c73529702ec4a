// How the dashboard writes numbers: thousands separators, coverage as 63.5%, money in 万元/亿元 (zh) or
// k/M/B (en), and a table cell by its column kind — the same kinds the CSV and Excel downloads use.
import type { ColumnKind, HeadlineFigure, Label, StatsLanguage } from '@renewal-atlas/domain'
import type { Language } from '../../i18n/messages.ts'

export interface StatsFormat {
  language: Language
  /** Whole numbers with thousands separators: 1,189. */
  int: (value: number) => string
  /** Up to two decimals: 12.5. */
  decimal: (value: number, maxDigits?: number) => string
  /** A 0–1 share as a percentage with one decimal: 63.5%. */
  share: (value: number) => string
  /** Yuan in full: 1,234,567. */
  yuan: (value: number) => string
  /** Yuan in short: 123.5万 / 1.23亿 (zh), 1.2M / 1.23B (en); no currency word. */
  money: (value: number) => string
  /** A large number in short: 312.46万 (zh), 3.12M (en); as `int` below ten thousand. */
  compact: (value: number) => string
}

export function statsLanguage(language: Language): StatsLanguage {
  return language === 'en' ? 'en' : 'zh'
}

export function labelIn(label: Label, language: Language): string {
  return language === 'en' ? label.en : label.zh
}

export function createStatsFormat(language: Language): StatsFormat {
  const int = new Intl.NumberFormat(language, { maximumFractionDigits: 0 })
  const decimals = new Map<number, Intl.NumberFormat>()
  const decimal = (value: number, maxDigits = 2) => {
    let format = decimals.get(maxDigits)
    if (!format) {
      format = new Intl.NumberFormat(language, { maximumFractionDigits: maxDigits })
      decimals.set(maxDigits, format)
    }
    return format.format(value)
  }
  const percent = new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })
  // Chinese reads large amounts in 万 (10⁴) and 亿 (10⁸); English in thousands, millions and billions.
  const short = (value: number): string => {
    const abs = Math.abs(value)
    if (language === 'zh-CN') {
      if (abs >= 1e8) return `${decimal(value / 1e8, 2)}亿`
      if (abs >= 1e4) return `${decimal(value / 1e4, abs >= 1e6 ? 0 : 1)}万`
      return int.format(value)
    }
    if (abs >= 1e9) return `${decimal(value / 1e9, 2)}B`
    if (abs >= 1e6) return `${decimal(value / 1e6, 2)}M`
    if (abs >= 1e4) return `${decimal(value / 1e3, 0)}k`
    return int.format(value)
  }
  return {
    language,
    int: (value) => int.format(value),
    decimal,
    share: (value) => percent.format(value),
    yuan: (value) => int.format(Math.round(value)),
    money: short,
    compact: (value) => (Math.abs(value) >= 1e5 ? short(value) : int.format(value)),
  }
}

/** A table cell as text: by its column's kind, coded values by their label, nothing as an em dash. */
export function formatCell(
  kind: ColumnKind,
  value: unknown,
  format: StatsFormat,
  labels?: Readonly<Record<string, Label>>,
): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') {
    const label = labels?.[value]
    return label ? labelIn(label, format.language) : value
  }
  if (typeof value !== 'number') return String(value)
  switch (kind) {
    case 'int':
      return format.int(value)
    case 'year':
      return String(value)
    case 'share':
      return format.share(value)
    case 'yuan':
      return format.yuan(value)
    case 'area':
      return format.int(Math.round(value))
    default:
      return format.decimal(value)
  }
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none'

export interface HeadlineChange {
  direction: ChangeDirection
  /** The absolute change with its sign, e.g. "+38"; for a share in percentage points, e.g. "+5.1". */
  absolute: string | null
  /** The relative change with its sign, e.g. "+8.7%"; null without a previous value (or a zero one). */
  ratio: string | null
}

function signed(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, '')}` : text
}

/**
 * The year-on-year change of a headline figure. A share (coverage) changes in percentage points, so its
 * absolute change is written as points (0.051 → "+5.1") and the caller adds the unit.
 */
export function describeChange(
  figure: HeadlineFigure,
  kind: ColumnKind,
  format: StatsFormat,
): HeadlineChange {
  if (figure.previous === null || figure.change === null) {
    return { direction: 'none', absolute: null, ratio: null }
  }
  const change = figure.change
  const direction: ChangeDirection = change > 0 ? 'up' : change < 0 ? 'down' : 'flat'
  const magnitude =
    kind === 'share' ? format.decimal(Math.abs(change) * 100, 1) : format.int(Math.abs(Math.round(change)))
  const ratio =
    figure.changeRatio === null
      ? null
      : signed(figure.changeRatio, format.share(Math.abs(figure.changeRatio)))
  return { direction, absolute: signed(change, magnitude), ratio }
}
