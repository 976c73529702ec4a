// The outlook on the renovation target from two measures that can disagree: where the cumulative count stands
// against the straight-line target path today, and the year the target is reached if the recent pace goes on.
// The stats service computes it once per answer; the dashboard and the PDF only state it.
import type {
  PathStanding,
  ProgressOutlook,
  ProgressResponse,
  ProgressRow,
  ProgressTone,
  ProgressVerdict,
} from '../stats.schema.ts'

export type ProgressFacts = Omit<ProgressResponse, 'outlook'>

/** Old compounds per year still needed after `asOfYear` to meet the target; null once its year has come. */
export function requiredPerYear(
  targetCompounds: number | null,
  targetYear: number | null,
  cumulative: number,
  asOfYear: number,
): number | null {
  if (targetCompounds === null || targetYear === null || targetYear <= asOfYear) return null
  return Math.max(0, targetCompounds - cumulative) / (targetYear - asOfYear)
}

/** Mean old compounds renovated per year over the last three rows (fewer if there are fewer). */
export function recentPerYear(rows: readonly ProgressRow[]): number {
  const recent = rows.slice(-3)
  if (recent.length === 0) return 0
  return recent.reduce((sum, r) => sum + r.renovatedOldCompounds, 0) / recent.length
}

/**
 * The target path's value at the end of `year`: the straight line from 0 at the year before the first row to
 * the target at its year, then the target itself. Null without a target or rows.
 */
export function targetPathAt(progress: ProgressFacts, year: number): number | null {
  const { rows, target, targetCompounds } = progress
  const first = rows[0]?.year
  if (!target || targetCompounds === null || first === undefined) return null
  if (year >= target.year) return targetCompounds
  const start = first - 1
  if (year <= start) return 0
  return (targetCompounds * (year - start)) / (target.year - start)
}

/** Years the target needs at `perYear` compounds a year from the end of `asOfYear`; null when it never comes. */
export function reachYearAt(asOfYear: number, remaining: number, perYear: number): number | null {
  if (remaining <= 0) return asOfYear
  if (!(perYear > 0)) return null
  // A hair below a whole year counts as that year: 274 ÷ 68.5 is 4 years, not 5 through rounding noise.
  return asOfYear + Math.ceil(remaining / perYear - 1e-9)
}

const SEVERITY: Record<ProgressTone, number> = { neutral: 0, good: 1, warning: 2, bad: 3 }
const worse = (a: ProgressTone, b: ProgressTone): ProgressTone => (SEVERITY[a] >= SEVERITY[b] ? a : b)

export function assessProgress(progress: ProgressFacts): ProgressOutlook {
  const { target, targetCompounds, recentPerYear, asOfYear, rows } = progress
  const cumulative = rows.at(-1)?.cumulativeRenovatedOldCompounds ?? 0
  const none = {
    cumulative,
    pathToday: null,
    gapToPath: null,
    standing: null,
    remaining: null,
    reachYear: null,
    inTime: null,
  }
  if (!target || targetCompounds === null) return { ...none, verdict: 'noTarget', tone: 'neutral' }

  const remaining = Math.max(0, targetCompounds - cumulative)
  const pathToday = targetPathAt(progress, asOfYear) ?? targetCompounds
  const gapToPath = Math.round(cumulative - pathToday)
  const standing: PathStanding = gapToPath > 0 ? 'ahead' : gapToPath < 0 ? 'behind' : 'on'
  const reach = remaining === 0 ? null : reachYearAt(asOfYear, remaining, recentPerYear)
  const inTime = remaining === 0 || (reach !== null && reach <= target.year)
  const facts = { cumulative, pathToday, gapToPath, standing, remaining, reachYear: reach, inTime }

  if (remaining === 0) return { ...facts, verdict: 'met', tone: 'good' }
  if (target.year <= asOfYear) return { ...facts, inTime: false, verdict: 'missed', tone: 'bad' }
  // Each measure has its colour — behind the path is a warning, late at the recent pace is bad — and the
  // verdict takes the worse of the two, so a green verdict never sits beside a line under the path.
  const pathTone: ProgressTone = standing === 'behind' ? 'warning' : 'good'
  const paceTone: ProgressTone = inTime ? 'good' : 'bad'
  const verdict: ProgressVerdict =
    standing === 'behind' ? (inTime ? 'catchingUp' : 'behind') : inTime ? 'onTrack' : 'slowing'
  return { ...facts, verdict, tone: worse(pathTone, paceTone) }
}
