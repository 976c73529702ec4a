import {
  assessProgress,
  type CoverageRow,
  classifyCoverage,
  coverageClassesOf,
  type FundingRow,
  fundingSourcePalette,
  numberFormat,
  type ProgressResponse,
  progressChartWords,
  progressPalette,
  recentPerYear,
  requiredPerYear,
} from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { coverageFillColour } from '../map/compound-classes.ts'
import {
  coverageBarOption,
  coverageMapOption,
  fundingSourcesOption,
  progressOption,
  progressSeries,
} from './chart-options.ts'

const format = numberFormat('zh')

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

function createProgress(
  target: ProgressResponse['target'],
  perYear: readonly number[] = [2, 3, 5],
): ProgressResponse {
  // Old compounds renovated over 2015–2017 (2, 3, 5 unless told); the target: all 20 by its year.
  const line = (year: number) => (target ? (20 * (year - 2014)) / (target.year - 2014) : null)
  const rows = perYear.reduce<ProgressResponse['rows']>((acc, renovated, i) => {
    const previous = acc.at(-1)?.cumulativeRenovatedOldCompounds ?? 0
    acc.push({
      year: 2015 + i,
      renovatedOldCompounds: renovated,
      householdsBenefiting: renovated * 100,
      cumulativeRenovatedOldCompounds: previous + renovated,
      cumulativeHouseholdsBenefiting: (previous + renovated) * 100,
      coverage: (previous + renovated) / 20,
      targetCumulative: line(2015 + i),
    })
    return acc
  }, [])
  const cumulative = rows.at(-1)?.cumulativeRenovatedOldCompounds ?? 0
  const facts = {
    oldCompounds: 20,
    target,
    targetCompounds: target ? 20 : null,
    requiredPerYear: requiredPerYear(target ? 20 : null, target?.year ?? null, cumulative, 2017),
    recentPerYear: recentPerYear(rows),
    asOfYear: 2017,
    rows,
  }
  return { ...facts, outlook: assessProgress(facts) }
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

  it('projects the recent pace from the last year to the year it reaches the target', () => {
    // 6 of 20 by 2017 at 2 a year: the rest takes seven years, to 2024.
    const series = progressSeries(createProgress(target2020, [2, 2, 2]), 'compounds')
    expect(series.years.at(-1)).toBe(2024)
    expect(series.projection).toEqual([null, null, 6, 8, 10, 12, 14, 16, 18, 20])
  })

  it('has no target line for households, nor without a target', () => {
    const households = progressSeries(createProgress(target2020), 'households')
    expect(households.years).toEqual([2015, 2016, 2017])
    expect(households.perYear).toEqual([200, 300, 500])
    expect(households.target).toEqual([])
    expect(progressSeries(createProgress(null), 'compounds').target).toEqual([])
    expect(progressSeries(createProgress(null), 'compounds').projection).toEqual([])
  })

  const words = {
    perYear: '当年',
    cumulative: '累计',
    axis: '老旧小区（个）',
    chart: progressChartWords('zh'),
  }

  it('draws bars and lines on one value axis, named with its unit', () => {
    const option = progressOption(createProgress(target2020), 'compounds', words, format)
    expect(Array.isArray(option.yAxis)).toBe(false)
    expect((option.yAxis as { name: string }).name).toBe('老旧小区（个）')
    const series = (option.series as { name: string; yAxisIndex?: number }[]).map((s) => s.name)
    expect(series).toEqual(['当年', '累计', '目标进度线', '按近三年速度'])
  })

  it('marks the gap between the count and the target path in the last year, in words', () => {
    // 6 by 2017 where the path calls for 10: 4 behind.
    const option = progressOption(createProgress(target2020, [2, 2, 2]), 'compounds', words, format)
    const cumulative = (
      option.series as { markLine?: { data: unknown }; endLabel?: { formatter: () => string } }[]
    )[1]
    expect(cumulative?.endLabel?.formatter()).toBe('落后 4')
    expect(cumulative?.markLine?.data).toEqual([[{ coord: ['2017', 6] }, { coord: ['2017', 10] }]])
    const projection = (option.series as { lineStyle?: { color: string; type: string } }[])[3]
    expect(projection?.lineStyle).toMatchObject({ color: progressPalette.projection, type: 'dotted' })
  })
})

describe('the coverage bars', () => {
  const rows = [
    createCoverageRow('2', '东湖街道', 10, 6),
    createCoverageRow('1', '锦官驿街道', 10, 9),
    createCoverageRow('3', '三圣街道', 0, 0),
  ]

  const words = {
    coverage: '覆盖率',
    renovated: '',
    oldCompounds: '',
    householdsBenefiting: '',
  }

  it('rank the streets from the highest coverage down, in the domain’s order', () => {
    const option = coverageBarOption(rows, words, format)
    expect((option.yAxis as { data: string[] }).data).toEqual(['锦官驿街道', '东湖街道', '三圣街道'])
  })

  it('colour each bar by the domain’s coverage class and say when a street has no old compounds', () => {
    const option = coverageBarOption(rows, words, format)
    const series = (Array.isArray(option.series) ? option.series : [option.series])[0] as {
      data: { value: number; itemStyle: { color: string } }[]
      label: { formatter: (p: { dataIndex: number; value: number }) => string }
    }
    // Two coverages make two classes (the darker for 90%), no old compounds grey.
    expect(series.data.map((d) => d.itemStyle.color)).toEqual(['#31A354', '#A1D99B', '#D9D9D9'])
    const classes = coverageClassesOf(rows)
    expect(series.data.map((d) => d.itemStyle.color)).toEqual(
      [rows[1], rows[0], rows[2]].map((row) => row && classifyCoverage(row, classes).colour),
    )
    expect(series.label.formatter({ dataIndex: 0, value: 0.9 })).toBe('90.0%')
    expect(series.label.formatter({ dataIndex: 2, value: 0 })).toBe('无老旧小区')
  })

  it('colour each area as the map does: the bars, the small choropleth and the map take the domain’s classes', () => {
    const bars = (
      coverageBarOption(rows, words, format).series as { data: { itemStyle: { color: string } }[] }[]
    )[0]
    const choropleth = (
      coverageMapOption('streets', rows, new Map(), words, format).series as {
        data: { name: string; itemStyle: { areaColor: string } }[]
      }[]
    )[0]
    const onMap = coverageFillColour(rows).slice(2, -1) as string[]
    const mapColourOf = new Map(onMap.flatMap((value, i) => (i % 2 === 0 ? [[value, onMap[i + 1]]] : [])))
    const barColourOf = new Map(
      [rows[1], rows[0], rows[2]].map((row, i) => [row?.key, bars?.data[i]?.itemStyle.color]),
    )
    for (const area of choropleth?.data ?? []) {
      expect(area.itemStyle.areaColor).toBe(mapColourOf.get(area.name))
      expect(area.itemStyle.areaColor).toBe(barColourOf.get(area.name))
    }
    expect(choropleth?.data).toHaveLength(3)
  })
})

describe('the funding bars', () => {
  it('draw the four sources in the domain’s order and colours', () => {
    const row: FundingRow = {
      key: '510104',
      name: '锦江区',
      projects: 3,
      fiscal: 700,
      enterprise: 100,
      residents: 150,
      socialCapital: 50,
      total: 1000,
    }
    const words = {
      sources: { fiscal: '财政资金', enterprise: '企业', residents: '居民出资', socialCapital: '社会资本' },
      total: '',
      projects: '',
      share: '',
      money: (short: string) => short,
    }
    const option = fundingSourcesOption(row, words, format)
    const series = (Array.isArray(option.series) ? option.series : [option.series])[0] as {
      data: { value: number; itemStyle: { color: string } }[]
    }
    expect(series.data.map((d) => d.value)).toEqual([700, 100, 150, 50])
    expect(series.data.map((d) => d.itemStyle.color)).toEqual(fundingSourcePalette.map((s) => s.colour))
  })
})
