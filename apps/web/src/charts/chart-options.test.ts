import type { BuildEraRow, ContentRow, CoverageRow, ProgressResponse } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { createStatsFormat } from '../features/dashboard/stats-format.ts'
import {
  coverageBarOption,
  eraStackValues,
  progressSeries,
  rankContent,
  rankCoverage,
} from './chart-options.ts'

const format = createStatsFormat('zh-CN')

function createCoverageRow(key: string, name: string, old: number, renovated: number): CoverageRow {
  return {
    key,
    name,
    compounds: old + 10,
    oldCompounds: old,
    renovatedOldCompounds: renovated,
    coverage: old === 0 ? 0 : renovated / old,
    households: 1000,
    householdsBenefiting: renovated * 10,
  }
}

function createProgress(target: ProgressResponse['target']): ProgressResponse {
  // 10 old compounds renovated over 2015–2017 (2, 3, 5); the target: all 20 by 2020.
  const line = (year: number) => (target ? (20 * (year - 2014)) / (target.year - 2014) : null)
  const rows = [
    [2015, 2],
    [2016, 3],
    [2017, 5],
  ].reduce<ProgressResponse['rows']>((acc, [year = 0, renovated = 0]) => {
    const previous = acc.at(-1)?.cumulativeRenovatedOldCompounds ?? 0
    acc.push({
      year,
      renovatedOldCompounds: renovated,
      householdsBenefiting: renovated * 100,
      cumulativeRenovatedOldCompounds: previous + renovated,
      cumulativeHouseholdsBenefiting: (previous + renovated) * 100,
      coverage: (previous + renovated) / 20,
      targetCumulative: line(year),
    })
    return acc
  }, [])
  return {
    oldCompounds: 20,
    target,
    targetCompounds: target ? 20 : null,
    requiredPerYear: target ? 10 / 3 : null,
    recentPerYear: 10 / 3,
    asOfYear: 2017,
    rows,
  }
}

const target2020 = {
  id: 1,
  year: 2020,
  oldCompoundShare: 1,
  name: '2020年底前全部完成',
  nameEn: 'All by 2020',
  synthetic: true,
}

describe('the progress chart', () => {
  it('draws the target line on past the last year to the target year, where it reaches the target', () => {
    const series = progressSeries(createProgress(target2020), 'compounds')
    expect(series.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020])
    expect(series.perYear).toEqual([2, 3, 5, null, null, null])
    expect(series.cumulative).toEqual([2, 5, 10, null, null, null])
    // From 0 at the end of 2014 to 20 at the end of 2020: 20/6 a year.
    expect(series.target.map((v) => (v === null ? null : Math.round(v * 100) / 100))).toEqual([
      3.33, 6.67, 10, 13.33, 16.67, 20,
    ])
  })

  it('has no target line for households, nor without a target', () => {
    const households = progressSeries(createProgress(target2020), 'households')
    expect(households.years).toEqual([2015, 2016, 2017])
    expect(households.perYear).toEqual([200, 300, 500])
    expect(households.target).toEqual([])
    expect(progressSeries(createProgress(null), 'compounds').target).toEqual([])
  })
})

describe('the coverage bars', () => {
  const rows = [
    createCoverageRow('2', '东湖街道', 10, 6),
    createCoverageRow('1', '锦官驿街道', 10, 9),
    createCoverageRow('3', '三圣街道', 0, 0),
  ]

  it('rank the streets from the highest coverage down', () => {
    expect(rankCoverage(rows).map((r) => r.name)).toEqual(['锦官驿街道', '东湖街道', '三圣街道'])
  })

  it('colour each bar by the map’s coverage class and say when a street has no old compounds', () => {
    const option = coverageBarOption(
      rows,
      {
        coverage: '覆盖率',
        noOldCompounds: '无老旧小区',
        renovated: '',
        oldCompounds: '',
        householdsBenefiting: '',
      },
      format,
    )
    const series = (Array.isArray(option.series) ? option.series : [option.series])[0] as {
      data: { value: number; itemStyle: { color: string } }[]
      label: { formatter: (p: { dataIndex: number; value: number }) => string }
    }
    // 90% is in the 80–100% class, 60% in the 60–80% class, no old compounds grey: as on the map.
    expect(series.data.map((d) => d.itemStyle.color)).toEqual(['#006D2C', '#31A354', '#D9D9D9'])
    expect(series.label.formatter({ dataIndex: 0, value: 0.9 })).toBe('90.0%')
    expect(series.label.formatter({ dataIndex: 2, value: 0 })).toBe('无老旧小区')
  })
})

describe('the build era stacks', () => {
  it('split a decade into on the register, to review and the rest, never below zero', () => {
    const row: BuildEraRow = {
      key: '1990',
      name: '1990–1999',
      compounds: 183,
      oldCompounds: 167,
      renovatedOldCompounds: 113,
      beforeCutoffNotOnRegister: 16,
      households: 27408,
    }
    expect(eraStackValues(row)).toEqual({ onRegister: 167, review: 16, other: 0 })
    expect(eraStackValues({ ...row, compounds: 200 }).other).toBe(17)
  })
})

describe('the renovation content bars', () => {
  const row = (key: string, items: number, costYuan: number): ContentRow => ({
    key,
    name: key,
    category: 'basic',
    items,
    projects: 1,
    costYuan,
    costShare: 0,
  })

  it('rank by the chosen measure: items or money', () => {
    const rows = [row('lift', 5, 9_000_000), row('pipes', 40, 2_000_000), row('facade', 12, 4_000_000)]
    expect(rankContent(rows, 'items').map((r) => r.key)).toEqual(['pipes', 'facade', 'lift'])
    expect(rankContent(rows, 'money').map((r) => r.key)).toEqual(['lift', 'facade', 'pipes'])
  })
})
