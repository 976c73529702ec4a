import { describe, expect, it } from 'vitest'
import { describeProgress, progressChartWords } from './progress-words.ts'
import { createProgress, JINJIANG_TARGET } from './test-fixtures.ts'

describe('the progress in words', () => {
  const jinjiang = createProgress({ cumulative: 477, recent: 82, target: JINJIANG_TARGET })

  it('states both measures for Jinjiang in Chinese: 43 behind the path today, and 2027 at the recent pace', () => {
    expect(describeProgress(jinjiang, 'zh')).toEqual({
      target: '目标：2027年底前改造 751 个老旧小区（2027年底前累计改造 751 个老旧小区）',
      path: '截至2023年底累计改造 477 个，落后目标进度线 43 个（按进度线应为 520 个）。',
      pace: '完成目标需在2024–2027年每年改造 68.5 个；近三年平均每年 82 个，按此速度将于2027年完成目标。',
      verdict: '结论：正在追赶——目前落后于目标进度线，但按近三年速度仍可按期完成，需保持这一速度。',
      tone: 'warning',
    })
  })

  it('states the same in English', () => {
    expect(describeProgress(jinjiang, 'en')).toEqual({
      target:
        'Target: 751 old compounds renovated by the end of 2027 (751 old compounds renovated by the end of 2027)',
      path: '477 renovated by the end of 2023: 43 behind the straight-line target path (520 by then).',
      pace: 'The target needs 68.5 a year in 2024–2027; the last three years averaged 82 a year, at which pace it is reached in 2027.',
      verdict:
        'Verdict: catching up — behind the target path today, but the recent pace still meets the target in time; keep it up.',
      tone: 'warning',
    })
  })

  // Ahead of, on and behind the path × the recent pace above and below the pace required.
  const matrix = [
    [
      'ahead',
      'above',
      560,
      82,
      '领先目标进度线 40 个',
      '将于2026年完成目标',
      '40 ahead of',
      'reached in 2026',
    ],
    [
      'ahead',
      'below',
      560,
      40,
      '领先目标进度线 40 个',
      '要到2028年才能完成，比目标晚 1 年',
      '40 ahead of',
      'only in 2028, 1 year late',
    ],
    [
      'on',
      'above',
      520,
      60,
      '与目标进度线持平',
      '将于2027年完成目标',
      'on the straight-line',
      'reached in 2027',
    ],
    [
      'on',
      'below',
      520,
      50,
      '与目标进度线持平',
      '要到2028年才能完成',
      'on the straight-line',
      'only in 2028, 1 year late',
    ],
    [
      'behind',
      'above',
      477,
      82,
      '落后目标进度线 43 个',
      '将于2027年完成目标',
      '43 behind',
      'reached in 2027',
    ],
    [
      'behind',
      'below',
      477,
      50,
      '落后目标进度线 43 个',
      '要到2029年才能完成，比目标晚 2 年',
      '43 behind',
      'only in 2029, 2 years late',
    ],
  ] as const

  it.each(matrix)(
    '%s the path, recent pace %s the required: says where it stands and when the target comes',
    (_standing, _pace, cumulative, recent, zhPath, zhPace, enPath, enPace) => {
      const progress = createProgress({ cumulative, recent, target: JINJIANG_TARGET })
      const zh = describeProgress(progress, 'zh')
      const en = describeProgress(progress, 'en')
      expect(zh.path).toContain(zhPath)
      expect(zh.pace).toContain(zhPace)
      expect(en.path).toContain(enPath)
      expect(en.pace).toContain(enPace)
    },
  )

  it.each(matrix)(
    '%s the path, recent pace %s the required: a verdict that agrees with both measures',
    (standing, pace, cumulative, recent) => {
      const progress = createProgress({ cumulative, recent, target: JINJIANG_TARGET })
      const zh = describeProgress(progress, 'zh').verdict ?? ''
      const en = describeProgress(progress, 'en').verdict ?? ''
      // Behind the path is said, never hidden behind an "on pace"; late is said, never coloured good.
      expect(zh.includes('落后')).toBe(standing === 'behind')
      expect(en.includes('behind the target path')).toBe(standing === 'behind')
      expect(zh.includes('无法按期完成')).toBe(pace === 'below')
      expect(en.includes('the target is late')).toBe(pace === 'below')
      const tone = describeProgress(progress, 'zh').tone
      expect(tone).toBe(pace === 'below' ? 'bad' : standing === 'behind' ? 'warning' : 'good')
    },
  )

  it('says the target has been met, once met, before its year or after', () => {
    const early = createProgress({ cumulative: 477, recent: 82, target: { year: 2027, compounds: 450 } })
    expect(describeProgress(early, 'zh')).toMatchObject({
      pace: '已达到目标；近三年平均每年改造 82 个。',
      verdict: '结论：目标已完成。',
      tone: 'good',
    })
    const past = createProgress({ cumulative: 477, recent: 82, target: { year: 2022, compounds: 450 } })
    expect(describeProgress(past, 'en')).toMatchObject({
      path: null,
      pace: '477 renovated by the end of 2023: the target is reached; the last three years averaged 82 a year.',
      verdict: 'Verdict: the target has been met.',
    })
  })

  it('says how many are short once the target year has come, and when the rest comes at the recent pace', () => {
    const missed = createProgress({ cumulative: 477, recent: 82, target: { year: 2023, compounds: 751 } })
    expect(describeProgress(missed, 'zh')).toEqual({
      target: '目标：2023年底前改造 751 个老旧小区（2023年底前累计改造 751 个老旧小区）',
      path: null,
      pace: '截至2023年底累计改造 477 个；近三年平均每年改造 82 个，按此速度尚差的 274 个将于2027年完成。',
      verdict: '结论：目标未完成——目标年份已到，尚差 274 个小区。',
      tone: 'bad',
    })
    expect(describeProgress(missed, 'en').verdict).toBe(
      'Verdict: missed — the target year has come; 274 compounds short.',
    )
  })

  it('asks for the whole rest within one year when the target year is the next', () => {
    const next = createProgress({ cumulative: 477, recent: 82, target: { year: 2024, compounds: 751 } })
    expect(describeProgress(next, 'zh').pace).toBe(
      '完成目标需在2024年改造 274 个；近三年平均每年仅 82 个，按此速度要到2027年才能完成，比目标晚 3 年。',
    )
    expect(describeProgress(next, 'en').pace).toBe(
      'The target needs 274 in 2024; the last three years averaged only 82 a year, at which pace it is reached only in 2027, 3 years late.',
    )
  })

  it('says the target is never reached without recent renovations', () => {
    const stalled = createProgress({ cumulative: 477, recent: 0, target: JINJIANG_TARGET })
    expect(describeProgress(stalled, 'zh').pace).toContain('近三年没有改造，按此速度无法完成目标')
    expect(describeProgress(stalled, 'en').pace).toContain('so at that pace it is never reached')
  })

  it('gives only the recent pace without a target', () => {
    const none = createProgress({ cumulative: 477, recent: 82 })
    expect(describeProgress(none, 'zh')).toEqual({
      target: null,
      path: null,
      pace: '未设置改造目标；近三年平均每年改造 82 个。',
      verdict: null,
      tone: 'neutral',
    })
    expect(describeProgress(none, 'en').pace).toBe(
      'No target is set; the last three years averaged 82 a year.',
    )
  })
})

describe('the words on the progress chart', () => {
  it('label the gap to the path today by its size and side', () => {
    expect(progressChartWords('zh').gap(-43, 'behind')).toBe('落后 43')
    expect(progressChartWords('zh').gap(40, 'ahead')).toBe('领先 40')
    expect(progressChartWords('en').gap(-43, 'behind')).toBe('43 behind')
    expect(progressChartWords('en').gap(0, 'on')).toBe('on the path')
  })
})
