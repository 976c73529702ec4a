// Numbers, money, shares, changes and dates as the printed report shows them, in Chinese or English.
import type { HeadlineFigure, StatsLanguage } from '@renewal-atlas/domain'

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** 54000 → "54,000". */
export function formatCount(value: number): string {
  return integer.format(value)
}

/** 0.635153 → "63.5%". */
export function formatShare(share: number, decimals = 1): string {
  return `${(share * 100).toFixed(decimals)}%`
}

/** Money in the unit a reader of that language expects: 万元 in Chinese, million yuan in English. */
export const moneyUnit: Record<StatsLanguage, { label: string; divisor: number; format: Intl.NumberFormat }> =
  {
    zh: { label: '万元', divisor: 1e4, format: oneDecimal },
    en: { label: 'million yuan', divisor: 1e6, format: twoDecimals },
  }

/** 1234567 yuan → "123.5" (万元) or "1.23" (million yuan); the unit is printed in the heading. */
export function formatMoney(yuan: number, lang: StatsLanguage): string {
  const unit = moneyUnit[lang]
  return unit.format.format(yuan / unit.divisor)
}

/** One decimal place, for a column of fractional counts such as the target line (57.8, 88.0). */
export function formatOneDecimal(value: number): string {
  return oneDecimal.format(value)
}

/** A rate such as compounds per year in a sentence: whole numbers as they are, others to one place (68.5). */
export function formatDecimal(value: number): string {
  return Number.isInteger(value) ? integer.format(value) : oneDecimal.format(value)
}

/** A headline figure's value: counts with thousands separators, coverage as a percentage. */
export function formatFigureValue(figure: HeadlineFigure): string {
  return figure.key === 'coverage' ? formatShare(figure.value) : formatCount(figure.value)
}

/**
 * The year-on-year change of a headline figure, e.g. "↑52（+12.2%）"; coverage changes in percentage points.
 * The year compared with is printed once under the figures.
 */
export function formatFigureChange(figure: HeadlineFigure, lang: StatsLanguage): string {
  if (figure.change === null || figure.previous === null)
    return lang === 'zh' ? '无上年记录' : 'no earlier record'
  if (figure.change === 0) return lang === 'zh' ? '持平' : 'unchanged'
  const arrow = figure.change > 0 ? '↑' : '↓'
  const size = Math.abs(figure.change)
  if (figure.key === 'coverage') {
    const points = (size * 100).toFixed(1)
    return lang === 'zh' ? `${arrow}${points}个百分点` : `${arrow}${points} pp`
  }
  const amount = `${arrow}${formatCount(size)}`
  if (figure.changeRatio === null) return amount
  const ratio = signedPercent(figure.changeRatio)
  return lang === 'zh' ? `${amount}（${ratio}）` : `${amount} (${ratio})`
}

function signedPercent(ratio: number): string {
  const text = `${(Math.abs(ratio) * 100).toFixed(1)}%`
  return ratio < 0 ? `−${text}` : `+${text}`
}

/** China Standard Time has no daylight saving, so a fixed offset gives the same clock on any server. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000

/** 2026-11-26T14:40Z → "2026年11月26日 22:40" or "26 Nov 2026, 22:40 (UTC+8)". */
export function formatDateTime(date: Date, lang: StatsLanguage): string {
  const local = new Date(date.getTime() + CHINA_OFFSET_MS)
  const y = local.getUTCFullYear()
  const m = local.getUTCMonth() + 1
  const d = local.getUTCDate()
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  if (lang === 'zh') return `${y}年${m}月${d}日 ${time}`
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]
  return `${d} ${month} ${y}, ${time} (UTC+8)`
}

const pad = (n: number) => String(n).padStart(2, '0')

export interface FilterNames {
  district: string
  street?: string | undefined
  yearFrom?: number | undefined
  yearTo?: number | undefined
}

/** The filter as a line under the title: "锦江区 · 书院街街道 · 2019–2021年"; place names stay Chinese. */
export function describeFilter(
  { district, street, yearFrom, yearTo }: FilterNames,
  lang: StatsLanguage,
): string {
  const parts = [district, ...(street ? [street] : []), describeYears(yearFrom, yearTo, lang)]
  return parts.join(' · ')
}

function describeYears(from: number | undefined, to: number | undefined, lang: StatsLanguage): string {
  if (lang === 'zh') {
    if (from !== undefined && to !== undefined) return from === to ? `${from}年` : `${from}–${to}年`
    if (from !== undefined) return `${from}年以来`
    if (to !== undefined) return `截至${to}年`
    return '全部年份'
  }
  if (from !== undefined && to !== undefined) return from === to ? `${from}` : `${from}–${to}`
  if (from !== undefined) return `since ${from}`
  if (to !== undefined) return `up to ${to}`
  return 'all years'
}
