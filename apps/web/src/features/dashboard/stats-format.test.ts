import type { HeadlineFigure } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { createStatsFormat, describeChange, formatCell } from './stats-format.ts'

const zh = createStatsFormat('zh-CN')
const en = createStatsFormat('en')

const figure = (value: number, previous: number | null): HeadlineFigure => ({
  key: 'renovatedOldCompounds',
  value,
  previous,
  change: previous === null ? null : value - previous,
  changeRatio: previous === null || previous === 0 ? null : (value - previous) / previous,
})

describe('the dashboard’s numbers', () => {
  it('writes 477 ÷ 751 as 63.5% and counts with thousands separators in both languages', () => {
    expect(zh.share(477 / 751)).toBe('63.5%')
    expect(en.share(477 / 751)).toBe('63.5%')
    expect(zh.int(54000)).toBe('54,000')
    expect(en.int(1189)).toBe('1,189')
  })

  it('writes money in 万 and 亿 for Chinese readers and in M and B for English ones', () => {
    expect(zh.money(123_456_789)).toBe('1.23亿')
    expect(zh.money(3_456_789)).toBe('346万')
    expect(zh.money(45_600)).toBe('4.6万')
    expect(en.money(123_456_789)).toBe('123.46M')
    expect(en.money(2_345_678_901)).toBe('2.35B')
    expect(en.money(45_600)).toBe('46k')
  })

  it('formats a cell by its column kind, coded text by its label and a missing value as a dash', () => {
    expect(formatCell('share', 0.5, zh)).toBe('50.0%')
    expect(formatCell('year', 2004, zh)).toBe('2004')
    expect(formatCell('yuan', 1234567.4, zh)).toBe('1,234,567')
    expect(formatCell('text', 'completed', en, { completed: { zh: '已完成改造', en: 'Completed' } })).toBe(
      'Completed',
    )
    expect(formatCell('decimal', null, zh)).toBe('—')
  })

  it('states a year-on-year rise with its sign, absolute and relative', () => {
    expect(describeChange(figure(477, 439), 'int', zh)).toEqual({
      direction: 'up',
      absolute: '+38',
      ratio: '+8.7%',
    })
    expect(describeChange(figure(10, 12), 'int', en)).toEqual({
      direction: 'down',
      absolute: '−2',
      ratio: '−16.7%',
    })
  })

  it('states a change of coverage in percentage points', () => {
    const coverage: HeadlineFigure = {
      key: 'coverage',
      value: 0.635,
      previous: 0.584,
      change: 0.051,
      changeRatio: 0.0873,
    }
    expect(describeChange(coverage, 'share', zh).absolute).toBe('+5.1')
  })

  it('has no change to state where the register keeps no history', () => {
    expect(describeChange(figure(751, null), 'int', zh)).toEqual({
      direction: 'none',
      absolute: null,
      ratio: null,
    })
  })
})
