// The progress against the target in words, Chinese and English: the target, where the count stands against the
// target path today, the pace needed against the recent pace and the year that reaches the target, and a verdict
// on both. The dashboard prints these under its chart and the PDF under its own, so they say the same.
import { type FormatLanguage, numberFormat } from '../format/number-format.ts'
import type { PathStanding, ProgressResponse, ProgressTone, ProgressVerdict } from '../stats.schema.ts'

export interface ProgressStatement {
  /** 目标：…（2027年底前累计改造 751 个老旧小区）; null without a target. */
  target: string | null
  /** Where the count stands against the target path today; null without a target or once its year has come. */
  path: string | null
  /** The pace needed, the recent pace and the year it reaches the target. */
  pace: string
  /** Both measures weighed in one sentence; null without a target. */
  verdict: string | null
  tone: ProgressTone
}

/** Words on the chart itself: the legend of the two lines and the label of the gap today. */
export interface ProgressChartWords {
  path: string
  projection: string
  /** The gap between the count and the path today: 落后 43 / 43 behind. */
  gap: (gap: number, standing: PathStanding) => string
}

export function progressChartWords(lang: FormatLanguage): ProgressChartWords {
  const format = numberFormat(lang)
  if (lang === 'zh') {
    return {
      path: '目标进度线',
      projection: '按近三年速度',
      gap: (gap, standing) =>
        standing === 'on'
          ? '与进度线持平'
          : `${standing === 'ahead' ? '领先' : '落后'} ${format.count(Math.abs(gap))}`,
    }
  }
  return {
    path: 'Target path',
    projection: 'At the recent pace',
    gap: (gap, standing) =>
      standing === 'on'
        ? 'on the path'
        : `${format.count(Math.abs(gap))} ${standing === 'ahead' ? 'ahead' : 'behind'}`,
  }
}

/** The sentences of one language, filled with numbers already written in it. */
interface Sentences {
  noTarget: (recent: string) => string
  target: (name: string, count: string, year: number) => string
  /** 截至2023年底累计改造 477 个 / 477 renovated by the end of 2023 */
  done: (count: string, year: number) => string
  path: Record<PathStanding, (done: string, gap: string, pathToday: string) => string>
  /** The pace once the target is met; `done` only when the path sentence has not said it. */
  met: (done: string | null, recent: string) => string
  /** The pace once the target year has come short of it; `year` null without recent renovations. */
  missed: (done: string, recent: string, remaining: string, year: number | null) => string
  /** What the target needs: a pace a year over several years, or the rest within its one year. */
  need: (from: number, to: number, perYear: string, remaining: string) => string
  reachNever: string
  reachInTime: (recent: string, year: number) => string
  reachLate: (recent: string, year: number, yearsLate: number) => string
  pace: (need: string, reach: string) => string
  /** The verdicts, with the standing against the path where they name it (ahead of or on). */
  verdicts: (standing: string, remaining: string) => Record<Exclude<ProgressVerdict, 'noTarget'>, string>
  standingAhead: string
  standingOn: string
}

const SENTENCES: Record<FormatLanguage, Sentences> = {
  zh: {
    noTarget: (recent) => `未设置改造目标；近三年平均每年改造 ${recent} 个。`,
    target: (name, count, year) => `目标：${name}（${year}年底前累计改造 ${count} 个老旧小区）`,
    done: (count, year) => `截至${year}年底累计改造 ${count} 个`,
    path: {
      behind: (done, gap, pathToday) => `${done}，落后目标进度线 ${gap} 个（按进度线应为 ${pathToday} 个）。`,
      ahead: (done, gap, pathToday) => `${done}，领先目标进度线 ${gap} 个（按进度线应为 ${pathToday} 个）。`,
      on: (done, _gap, pathToday) => `${done}，与目标进度线持平（${pathToday} 个）。`,
    },
    met: (done, recent) => `${done ? `${done}，` : ''}已达到目标；近三年平均每年改造 ${recent} 个。`,
    missed: (done, recent, remaining, year) =>
      year === null
        ? `${done}；近三年没有改造。`
        : `${done}；近三年平均每年改造 ${recent} 个，按此速度尚差的 ${remaining} 个将于${year}年完成。`,
    need: (from, to, perYear, remaining) =>
      from === to
        ? `完成目标需在${to}年改造 ${remaining} 个`
        : `完成目标需在${from}–${to}年每年改造 ${perYear} 个`,
    reachNever: '近三年没有改造，按此速度无法完成目标',
    reachInTime: (recent, year) => `近三年平均每年 ${recent} 个，按此速度将于${year}年完成目标`,
    reachLate: (recent, year, late) =>
      `近三年平均每年仅 ${recent} 个，按此速度要到${year}年才能完成，比目标晚 ${late} 年`,
    pace: (need, reach) => `${need}；${reach}。`,
    verdicts: (standing, remaining) => ({
      met: '结论：目标已完成。',
      missed: `结论：目标未完成——目标年份已到，尚差 ${remaining} 个小区。`,
      onTrack: `结论：按期可完成——${standing}，按近三年速度可按期完成。`,
      catchingUp: '结论：正在追赶——目前落后于目标进度线，但按近三年速度仍可按期完成，需保持这一速度。',
      slowing: `结论：速度放缓——目前${standing}，但按近三年速度无法按期完成，需加快进度。`,
      behind: '结论：进度落后——落后于目标进度线，且按近三年速度无法按期完成，需加快进度。',
    }),
    standingAhead: '领先于目标进度线',
    standingOn: '与目标进度线持平',
  },
  en: {
    noTarget: (recent) => `No target is set; the last three years averaged ${recent} a year.`,
    target: (name, count, year) => `Target: ${name} (${count} old compounds renovated by the end of ${year})`,
    done: (count, year) => `${count} renovated by the end of ${year}`,
    path: {
      behind: (done, gap, pathToday) =>
        `${done}: ${gap} behind the straight-line target path (${pathToday} by then).`,
      ahead: (done, gap, pathToday) =>
        `${done}: ${gap} ahead of the straight-line target path (${pathToday} by then).`,
      on: (done, _gap, pathToday) => `${done}: on the straight-line target path (${pathToday} by then).`,
    },
    met: (done, recent) =>
      `${done ? `${done}: the` : 'The'} target is reached; the last three years averaged ${recent} a year.`,
    missed: (done, recent, remaining, year) =>
      year === null
        ? `${done}; no renovations in the last three years.`
        : `${done}; the last three years averaged ${recent} a year, at which pace the ${remaining} still missing are done in ${year}.`,
    need: (from, to, perYear, remaining) =>
      from === to
        ? `The target needs ${remaining} in ${to}`
        : `The target needs ${perYear} a year in ${from}–${to}`,
    reachNever: 'there were no renovations in the last three years, so at that pace it is never reached',
    reachInTime: (recent, year) =>
      `the last three years averaged ${recent} a year, at which pace it is reached in ${year}`,
    reachLate: (recent, year, late) =>
      `the last three years averaged only ${recent} a year, at which pace it is reached only in ${year}, ${late} ${late === 1 ? 'year' : 'years'} late`,
    pace: (need, reach) => `${need}; ${reach}.`,
    verdicts: (standing, remaining) => ({
      met: 'Verdict: the target has been met.',
      missed: `Verdict: missed — the target year has come; ${remaining} compounds short.`,
      onTrack: `Verdict: on track — ${standing}, and the recent pace meets the target in time.`,
      catchingUp:
        'Verdict: catching up — behind the target path today, but the recent pace still meets the target in time; keep it up.',
      slowing: `Verdict: slowing — ${standing} today, but at the recent pace the target is late; speed up.`,
      behind:
        'Verdict: behind — behind the target path, and at the recent pace the target is late; speed up.',
    }),
    standingAhead: 'ahead of the target path',
    standingOn: 'on the target path',
  },
}

export function describeProgress(p: ProgressResponse, lang: FormatLanguage): ProgressStatement {
  const f = numberFormat(lang)
  const say = SENTENCES[lang]
  const o = p.outlook
  const recent = f.decimal(p.recentPerYear)
  if (!p.target || p.targetCompounds === null) {
    return { target: null, path: null, pace: say.noTarget(recent), verdict: null, tone: o.tone }
  }
  const t = p.target
  const target = say.target(lang === 'zh' ? t.name : t.nameEn, f.count(p.targetCompounds), t.year)
  const done = say.done(f.count(o.cumulative), p.asOfYear)
  const remaining = f.count(o.remaining ?? 0)
  // Once its year has come the path has reached the target: the verdict says met or short, not the path.
  const open = t.year > p.asOfYear
  const path =
    open && o.standing
      ? say.path[o.standing](done, f.count(Math.abs(o.gapToPath ?? 0)), f.count(o.pathToday ?? 0))
      : null
  let pace: string
  if (o.verdict === 'met') pace = say.met(open ? null : done, recent)
  else if (!open) pace = say.missed(done, recent, remaining, p.recentPerYear > 0 ? o.reachYear : null)
  else {
    const need = say.need(p.asOfYear + 1, t.year, f.decimal(p.requiredPerYear ?? 0), remaining)
    const reach =
      o.reachYear === null
        ? say.reachNever
        : o.inTime
          ? say.reachInTime(recent, o.reachYear)
          : say.reachLate(recent, o.reachYear, o.reachYear - t.year)
    pace = say.pace(need, reach)
  }
  const standing = o.standing === 'ahead' ? say.standingAhead : say.standingOn
  const verdict = o.verdict === 'noTarget' ? null : say.verdicts(standing, remaining)[o.verdict]
  return { target, path, pace, verdict, tone: o.tone }
}
