import { describe, expect, it } from 'vitest'
import { reachYearAt, targetPathAt } from './progress-outlook.ts'
import { createProgress, JINJIANG_TARGET } from './test-fixtures.ts'

describe('the outlook on the target, from the path today and the recent pace', () => {
  it('finds Jinjiang 43 behind the path in 2023 and yet in time at 82 a year: catching up, a warning', () => {
    const { outlook, requiredPerYear, recentPerYear } = createProgress({
      cumulative: 477,
      recent: 82,
      target: JINJIANG_TARGET,
    })
    expect(requiredPerYear).toBe(68.5)
    expect(recentPerYear).toBe(82)
    expect(outlook).toEqual({
      cumulative: 477,
      pathToday: (751 * 9) / 13,
      gapToPath: -43,
      standing: 'behind',
      remaining: 274,
      reachYear: 2027,
      inTime: true,
      verdict: 'catchingUp',
      tone: 'warning',
    })
  })

  it.each([
    // standing × pace: the verdict, and its tone as the worse of the two measures
    ['ahead', 'above', 560, 82, 'onTrack', 'good', 2026],
    ['ahead', 'below', 560, 40, 'slowing', 'bad', 2028],
    ['on', 'above', 520, 60, 'onTrack', 'good', 2027],
    ['on', 'below', 520, 50, 'slowing', 'bad', 2028],
    ['behind', 'above', 477, 82, 'catchingUp', 'warning', 2027],
    ['behind', 'below', 477, 50, 'behind', 'bad', 2029],
  ] as const)(
    '%s the path, the recent pace %s the pace required (%i done, %i a year): %s, %s, reached in %i',
    (standing, pace, cumulative, recent, verdict, tone, reachYear) => {
      const progress = createProgress({ cumulative, recent, target: JINJIANG_TARGET })
      const { outlook } = progress
      expect(outlook.standing).toBe(standing)
      expect(recent > (progress.requiredPerYear ?? 0)).toBe(pace === 'above')
      expect(outlook.verdict).toBe(verdict)
      expect(outlook.tone).toBe(tone)
      expect(outlook.reachYear).toBe(reachYear)
      expect(outlook.inTime).toBe(pace === 'above')
    },
  )

  it('counts a recent pace exactly the one required as in time', () => {
    const { outlook, requiredPerYear } = createProgress({
      cumulative: 471,
      recent: 70,
      target: JINJIANG_TARGET,
    })
    expect(requiredPerYear).toBe(70)
    expect(outlook.reachYear).toBe(2027)
    expect(outlook.inTime).toBe(true)
  })

  it('never reaches the target without recent renovations', () => {
    const { outlook } = createProgress({ cumulative: 477, recent: 0, target: JINJIANG_TARGET })
    expect(outlook.reachYear).toBeNull()
    expect(outlook.inTime).toBe(false)
    expect(outlook.verdict).toBe('behind')
  })

  it('calls a target met once the count reaches it, before its year or after', () => {
    const early = createProgress({ cumulative: 477, recent: 82, target: { year: 2027, compounds: 450 } })
    expect(early.outlook).toMatchObject({ verdict: 'met', tone: 'good', remaining: 0, reachYear: null })
    const past = createProgress({ cumulative: 477, recent: 82, target: { year: 2022, compounds: 450 } })
    expect(past.outlook).toMatchObject({ verdict: 'met', tone: 'good', pathToday: 450, gapToPath: 27 })
  })

  it('calls a target missed once its year has come short of it, and still projects when the rest is done', () => {
    const { outlook } = createProgress({
      cumulative: 477,
      recent: 82,
      target: { year: 2023, compounds: 751 },
    })
    expect(outlook).toMatchObject({
      verdict: 'missed',
      tone: 'bad',
      remaining: 274,
      pathToday: 751,
      reachYear: 2027,
      inTime: false,
    })
  })

  it('has nothing to weigh without a target', () => {
    const { outlook } = createProgress({ cumulative: 477, recent: 82 })
    expect(outlook).toEqual({
      cumulative: 477,
      pathToday: null,
      gapToPath: null,
      standing: null,
      remaining: null,
      reachYear: null,
      inTime: null,
      verdict: 'noTarget',
      tone: 'neutral',
    })
  })
})

describe('the target path and the projected year', () => {
  const progress = createProgress({ cumulative: 477, recent: 82, target: JINJIANG_TARGET })

  it('is the API’s straight line from 0 the year before the first row to the target, then the target', () => {
    for (const row of progress.rows) expect(targetPathAt(progress, row.year)).toBe(row.targetCumulative)
    expect(targetPathAt(progress, 2014)).toBe(0)
    expect(targetPathAt(progress, 2027)).toBe(751)
    expect(targetPathAt(progress, 2030)).toBe(751)
  })

  it('is the year the remaining compounds are done at a pace, counting a part year as a year', () => {
    expect(reachYearAt(2023, 274, 82)).toBe(2027)
    expect(reachYearAt(2023, 274, 68.5)).toBe(2027)
    expect(reachYearAt(2023, 275, 68.5)).toBe(2028)
    expect(reachYearAt(2023, 274, 0)).toBeNull()
  })
})
