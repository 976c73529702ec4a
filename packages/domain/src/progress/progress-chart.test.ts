import { describe, expect, it } from 'vitest'
import { progressChartLines } from './progress-chart.ts'
import { createProgress, JINJIANG_TARGET } from './test-fixtures.ts'

describe('the lines of the progress chart', () => {
  it('run on to the target year with the path, and project the recent pace from the last year to the target', () => {
    const lines = progressChartLines(createProgress({ cumulative: 477, recent: 82, target: JINJIANG_TARGET }))
    expect(lines.years).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
    ])
    expect(lines.lastDataYear).toBe(2023)
    expect(lines.path[8]).toBeCloseTo(519.92, 2)
    expect(lines.path.at(-1)).toBe(751)
    expect(lines.projection.slice(0, 8).every((v) => v === null)).toBe(true)
    expect(lines.projection.slice(8)).toEqual([477, 559, 641, 723, 805])
  })

  it('run on past the target year to the year the recent pace reaches it', () => {
    const lines = progressChartLines(createProgress({ cumulative: 477, recent: 50, target: JINJIANG_TARGET }))
    expect(lines.years.at(-1)).toBe(2029)
    expect(lines.path.at(-1)).toBeNull()
    expect(lines.path[lines.years.indexOf(2027)]).toBe(751)
    expect(lines.projection.at(-1)).toBe(777)
  })

  it('stop ten years past the data when the recent pace is slow', () => {
    const lines = progressChartLines(createProgress({ cumulative: 477, recent: 10, target: JINJIANG_TARGET }))
    expect(lines.years.at(-1)).toBe(2033)
    expect(lines.projection.at(-1)).toBe(577)
  })

  it('draw the projection flat to the target year without recent renovations', () => {
    const lines = progressChartLines(createProgress({ cumulative: 477, recent: 0, target: JINJIANG_TARGET }))
    expect(lines.years.at(-1)).toBe(2027)
    expect(lines.projection.slice(-5)).toEqual([477, 477, 477, 477, 477])
  })

  it('project nothing once the target is met or without one', () => {
    const met = progressChartLines(
      createProgress({ cumulative: 477, recent: 82, target: { year: 2027, compounds: 450 } }),
    )
    expect(met.years.at(-1)).toBe(2023)
    expect(met.projection.every((v) => v === null)).toBe(true)
    const none = progressChartLines(createProgress({ cumulative: 477, recent: 82 }))
    expect(none.path.every((v) => v === null)).toBe(true)
    expect(none.projection.every((v) => v === null)).toBe(true)
  })
})
