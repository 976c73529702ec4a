// Dates and the filter as the printed report shows them, in Chinese or English. Numbers are written by the
// domain's number format (packages/domain/src/format), which the dashboard uses too.
import type { StatsLanguage } from '@renewal-atlas/domain'

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
