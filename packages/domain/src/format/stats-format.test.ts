import { describe, expect, it } from 'vitest'
import type { HeadlineFigure } from '../stats.schema.ts'
import { MINUS, numberFormat } from './number-format.ts'
import { formatCell, headlineChange, headlineValue } from './stats-format.ts'

const zh = numberFormat('zh')
const en = numberFormat('en')

const figure = (key: HeadlineFigure['key'], value: number, previous: number | null): HeadlineFigure => ({
  key,
  value,
  previous,
  change: previous === null ? null : value - previous,
  changeRatio: previous === null || previous === 0 ? null : (value - previous) / previous,
})

describe('a table cell', () => {
  it('is written by its column kind, coded text by its label, nothing as a dash', () => {
    expect(formatCell('share', 0.5, zh)).toBe('50.0%')
    expect(formatCell('year', 2004, zh)).toBe('2004')
    expect(formatCell('yuan', 1234567.4, zh)).toBe('1,234,567')
    expect(formatCell('area', 4017390, en)).toBe('4,017,390')
    expect(formatCell('decimal', 57.846, en)).toBe('57.85')
    expect(formatCell('text', 'completed', en, { completed: { zh: '已完成改造', en: 'Completed' } })).toBe(
      'Completed',
    )
    expect(formatCell('decimal', null, zh)).toBe('—')
  })
})

describe('a headline figure', () => {
  it('is a count, a percentage, or a floor area in short with m²', () => {
    expect(headlineValue(figure('compounds', 1189, 1166), zh)).toEqual({ value: '1,189', unit: '' })
    expect(headlineValue(figure('coverage', 477 / 751, null), en)).toEqual({ value: '63.5%', unit: '' })
    expect(headlineValue(figure('floorAreaRenovatedM2', 4017390, 3259160), zh)).toEqual({
      value: '402万',
      unit: 'm²',
    })
    expect(headlineValue(figure('floorAreaRenovatedM2', 4017390, 3259160), en)).toEqual({
      value: '4.02M',
      unit: 'm²',
    })
  })

  it('changes with its sign, absolute and relative', () => {
    expect(headlineChange(figure('renovatedOldCompounds', 477, 394), zh)).toEqual({
      direction: 'up',
      amount: '83',
      signedAmount: '+83',
      ratio: '+21.1%',
    })
    expect(headlineChange(figure('compounds', 10, 12), en)).toEqual({
      direction: 'down',
      amount: '2',
      signedAmount: `${MINUS}2`,
      ratio: `${MINUS}16.7%`,
    })
  })

  it('changes its floor area in the short form of its value, never a raw number of square metres', () => {
    expect(headlineChange(figure('floorAreaRenovatedM2', 4017390, 3259160), zh)).toEqual({
      direction: 'up',
      amount: '75.8万 m²',
      signedAmount: '+75.8万 m²',
      ratio: '+23.3%',
    })
    expect(headlineChange(figure('floorAreaRenovatedM2', 4017390, 3259160), en).signedAmount).toBe('+758k m²')
  })

  it('changes its coverage in percentage points, with no relative change', () => {
    const coverage = figure('coverage', 477 / 751, 394 / 751)
    expect(headlineChange(coverage, zh)).toEqual({
      direction: 'up',
      amount: '11.1个百分点',
      signedAmount: '+11.1个百分点',
      ratio: null,
    })
    expect(headlineChange(coverage, en).signedAmount).toBe('+11.1 pp')
  })

  it('is flat when the change rounds to nothing, and has no change where the register keeps no history', () => {
    expect(headlineChange(figure('compounds', 1189, 1189), zh).direction).toBe('flat')
    expect(headlineChange(figure('oldCompounds', 751, null), zh)).toEqual({
      direction: 'none',
      amount: null,
      signedAmount: null,
      ratio: null,
    })
  })
})
