// The lines of the progress chart, year by year, for the dashboard's chart and the PDF's alike: the years drawn
// (the data, then on to the target year and the year the recent pace reaches it), the straight-line target path
// and the projection at the recent pace.
import type { ProgressResponse } from '../stats.schema.ts'
import { targetPathAt } from './progress-outlook.ts'

/** At most this many years past the data are drawn, towards the target year or the projected year. */
export const MAX_YEARS_AHEAD = 10

export interface ProgressChartLines {
  years: number[]
  /** The last year with data (asOfYear); later years are ahead. */
  lastDataYear: number
  /** The straight-line target path, up to the target year; null elsewhere and without a target. */
  path: (number | null)[]
  /** The cumulative count if the recent pace goes on, from the last data year to the year it reaches the target. */
  projection: (number | null)[]
}

export function progressChartLines(progress: ProgressResponse): ProgressChartLines {
  const { rows, target, outlook, recentPerYear } = progress
  const first = rows[0]?.year
  const last = rows.at(-1)?.year
  if (first === undefined || last === undefined) {
    return { years: [], lastDataYear: progress.asOfYear, path: [], projection: [] }
  }
  const limit = last + MAX_YEARS_AHEAD
  const open = target !== null && outlook.remaining !== null && outlook.remaining > 0
  const wanted = open ? Math.max(target.year, outlook.reachYear ?? target.year) : last
  const end = Math.min(limit, Math.max(last, wanted))
  const years = Array.from({ length: end - first + 1 }, (_, i) => first + i)
  const path = years.map((year) =>
    target && year <= Math.max(target.year, first - 1) ? targetPathAt(progress, year) : null,
  )
  const projectionEnd = Math.min(end, outlook.reachYear ?? end)
  const projection = years.map((year) =>
    open && year >= last && year <= projectionEnd ? outlook.cumulative + recentPerYear * (year - last) : null,
  )
  return { years, lastDataYear: last, path, projection }
}
