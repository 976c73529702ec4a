// Progress answers built by hand, as the stats service builds them, for the tests of the outlook, its words and
// the chart lines: renovations 2015–2023, the last three years at the recent pace, and an optional target.
import type { ProgressResponse, ProgressRow } from '../stats.schema.ts'
import { assessProgress, type ProgressFacts, recentPerYear, requiredPerYear } from './progress-outlook.ts'

export interface ProgressCase {
  /** Renovated by the end of 2023. */
  cumulative: number
  /** Renovated in each of 2021, 2022 and 2023. */
  recent: number
  /** The target: its year and old compounds; none when left out. */
  target?: { year: number; compounds: number }
  firstYear?: number
  asOfYear?: number
}

export function createProgress({
  cumulative,
  recent,
  target,
  firstYear = 2015,
  asOfYear = 2023,
}: ProgressCase): ProgressResponse {
  const years = asOfYear - firstYear + 1
  const earlyYears = years - 3
  const early = cumulative - 3 * recent
  if (early < 0 || earlyYears < 1)
    throw new Error('the case needs more renovations before the last three years')
  const counts = Array.from({ length: years }, (_, i) => {
    if (i >= earlyYears) return recent
    const even = Math.floor(early / earlyYears)
    return i === 0 ? early - even * (earlyYears - 1) : even
  })
  let sum = 0
  const rows: ProgressRow[] = counts.map((renovated, i) => {
    const year = firstYear + i
    sum += renovated
    const span = target ? target.year - (firstYear - 1) : 0
    return {
      year,
      renovatedOldCompounds: renovated,
      householdsBenefiting: renovated * 100,
      cumulativeRenovatedOldCompounds: sum,
      cumulativeHouseholdsBenefiting: sum * 100,
      coverage: sum / 751,
      targetCumulative:
        target && span > 0 && year <= target.year
          ? (target.compounds * (year - (firstYear - 1))) / span
          : null,
    }
  })
  const facts: ProgressFacts = {
    oldCompounds: 751,
    target: target
      ? {
          id: 1,
          year: target.year,
          oldCompoundShare: target.compounds / 751,
          name: `${target.year}年底前改造 ${target.compounds} 个老旧小区`,
          nameEn: `${target.compounds} old compounds renovated by the end of ${target.year}`,
          synthetic: true,
        }
      : null,
    targetCompounds: target?.compounds ?? null,
    requiredPerYear: requiredPerYear(target?.compounds ?? null, target?.year ?? null, sum, asOfYear),
    recentPerYear: recentPerYear(rows),
    asOfYear,
    rows,
  }
  return { ...facts, outlook: assessProgress(facts) }
}

/** The Jinjiang demo's target: every one of the 751 old compounds by the end of 2027. */
export const JINJIANG_TARGET = { year: 2027, compounds: 751 } as const
