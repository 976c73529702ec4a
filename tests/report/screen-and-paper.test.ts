// The dashboard and the printed report draw the same rows in the same order and the same colours: both take
// them from the domain's ranking and palette. Each case builds the dashboard's chart and the report from one
// hand-made fixture with ties, and compares what the chart would show with what the PDF draws.
import {
  buildEraStackColours,
  type ContentResponse,
  type CoverageRow,
  coverageClassesOf,
  coverageColours,
  coverageLegendBounds,
  coverageLegendDecimals,
  describeProgress,
  fundingSourcePalette,
  itemCategoryColours,
  numberFormat,
  progressChartWords,
  progressPalette,
} from '@renewal-atlas/domain'
import { renderReportPdf } from '@renewal-atlas/report'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildEraOption,
  contentOption,
  coverageBarOption,
  fundingStreetsOption,
  progressOption,
} from '../../apps/web/src/charts/chart-options.ts'
import type { ChartOption } from '../../apps/web/src/charts/echarts.ts'
import { type PageColours, pdfPageColours, pdfPages } from '../support/pdf.ts'
import {
  createBuildEra,
  createContent,
  createProgress,
  createReportData,
  createStreetFunding,
} from './fixtures.ts'

const format = numberFormat('zh')
const squash = (text: string) => text.replace(/\s+/g, '')
const lower = (colours: readonly string[]) => colours.map((c) => c.toLowerCase())

function coverageRow(key: string, name: string, old: number, renovated: number): CoverageRow {
  return {
    key,
    name,
    compounds: old + 3,
    oldCompounds: old,
    renovatedOldCompounds: renovated,
    coverage: old === 0 ? 0 : renovated / old,
    households: 500,
    householdsBenefiting: renovated * 50,
  }
}

/** Three streets tied at 50% (4 of 8, 4 of 8, 2 of 4), one at 80%, one with nothing to cover. */
const tiedCoverage: CoverageRow[] = [
  coverageRow('510104026', '牛市口街道', 8, 4),
  coverageRow('510104023', '书院街街道', 8, 4),
  coverageRow('510104022', '春熙路街道', 4, 2),
  coverageRow('510104037', '三圣街道', 0, 0),
  coverageRow('510104017', '锦官驿街道', 5, 4),
]

/** 完善类 and 提升类 cost the same: the tie goes by key (improvement before upgrade). */
function createTiedContent(): ContentResponse {
  const content = createContent()
  const improvement = content.rows.find((row) => row.key === 'improvement')?.costYuan ?? 0
  const rows = content.rows.map((row) => (row.key === 'upgrade' ? { ...row, costYuan: improvement } : row))
  return { ...content, rows: rows.reverse() }
}

type Series = { itemStyle?: { color?: string }; lineStyle?: { color?: string }; data: unknown[] }
const seriesOf = (option: ChartOption) =>
  (Array.isArray(option.series) ? option.series : [option.series]) as Series[]
const axisNames = (option: ChartOption) => (option.yAxis as { data: string[] }).data
const dataColours = (series: Series | undefined) =>
  (series?.data ?? []).map((d) => (d as { itemStyle: { color: string } }).itemStyle.color)

/** True when the names stand in the text in this order. */
/** Whether the names occur in the text one after the other (each looked for after the one before). */
function inOrder(text: string, names: readonly string[]): boolean {
  let from = 0
  for (const name of names) {
    const at = text.indexOf(name, from)
    if (at < 0) return false
    from = at + name.length
  }
  return true
}

/** The colours of a page that belong to `palette`, in the order the page draws them. */
const drawnFrom = (colours: readonly string[], palette: readonly string[]) =>
  colours.filter((c) => lower(palette).includes(c))

describe('the dashboard and the printed report', () => {
  let pages: { text: string }[]
  let colours: PageColours[]
  const content = createTiedContent()
  const funding = { ...createStreetFunding(), rows: createStreetFunding().rows.reverse() }
  beforeAll(async () => {
    const data = createReportData({ coverage: { groupBy: 'street', rows: tiedCoverage }, content, funding })
    const pdf = await renderReportPdf(data, 'zh')
    pages = (await pdfPages(pdf)).map((page) => ({ text: squash(page.text) }))
    colours = pdfPageColours(pdf)
  })

  it('rank the streets by coverage alike, ties by more renovated and then by code, nothing to cover last', () => {
    const words = {
      coverage: '',
      renovated: '',
      oldCompounds: '',
      householdsBenefiting: '',
    }
    const chart = axisNames(coverageBarOption(tiedCoverage, words, format))
    expect(chart).toEqual(['锦官驿街道', '书院街街道', '牛市口街道', '春熙路街道', '三圣街道'])
    expect(inOrder(pages[0]?.text ?? '', chart)).toBe(true)
  })

  it('colour the coverage bars by the same classes, in the same order, with the same reference line', () => {
    const words = {
      coverage: '',
      renovated: '',
      oldCompounds: '',
      householdsBenefiting: '',
    }
    const option = coverageBarOption(tiedCoverage, words, format, { value: 0.5, label: '全区' })
    const [bars] = seriesOf(option)
    // The report draws no bar for a street at 0%; the chart's bar there has no length either.
    const drawn = (bars?.data ?? []).flatMap((d) => {
      const bar = d as { value: number; itemStyle: { color: string } }
      return bar.value > 0 ? [bar.itemStyle.color] : []
    })
    // Two coverages (50% and 80%) make two classes; the street with nothing to cover is grey on both.
    const classes = coverageClassesOf(tiedCoverage)
    expect(drawn).toEqual(['#31A354', '#A1D99B', '#A1D99B', '#A1D99B'])
    const page = colours[0] as PageColours
    // The bars, then the legend of every class under the table.
    expect(drawnFrom(page.fill, [...coverageColours, '#D9D9D9'])).toEqual(
      lower([...drawn, ...classes.map((cls) => cls.colour)]),
    )
    const reference = (bars as unknown as { markLine: { lineStyle: { color: string } } }).markLine.lineStyle
      .color
    expect(page.stroke).toContain(reference.toLowerCase())
  })

  it('list the coverage classes with the same breaks as the screen’s legends', () => {
    const classes = coverageClassesOf(tiedCoverage)
    const decimals = coverageLegendDecimals(classes)
    const bounds = classes.map((cls) => coverageLegendBounds(cls, decimals))
    expect(bounds).toEqual([['50'], ['80'], []])
    expect(inOrder(pages[0]?.text ?? '', ['颜色分级', '50%', '80%', '无老旧小区'])).toBe(true)
  })

  it('rank the renovation content by cost alike, and colour each category the same', () => {
    const words = { items: '', projects: '', cost: '', share: '' }
    const option = contentOption(content.rows, 'money', (row) => row.name, words, format)
    const names = axisNames(option)
    expect(names).toEqual(['基础类', '安全类', '完善类', '提升类'])
    expect(inOrder(pages[1]?.text ?? '', names)).toBe(true)
    const paper = drawnFrom(colours[1]?.fill ?? [], Object.values(itemCategoryColours))
    // The share bar, then its legend: the categories in the chart's order both times.
    expect(paper).toEqual(lower([...dataColours(seriesOf(option)[0]), ...dataColours(seriesOf(option)[0])]))
  })

  it('draw progress in the same colours: bars, cumulative, target path and the projection at the recent pace', () => {
    const words = { perYear: '', cumulative: '', axis: '', chart: progressChartWords('zh') }
    const [bars, cumulative, target, projection] = seriesOf(
      progressOption(createProgress(), 'compounds', words, format),
    )
    expect([
      bars?.itemStyle?.color,
      cumulative?.lineStyle?.color,
      target?.lineStyle?.color,
      projection?.lineStyle?.color,
    ]).toEqual([
      progressPalette.perYear,
      progressPalette.cumulative,
      progressPalette.target,
      progressPalette.projection,
    ])
    const page = colours[1] as PageColours
    expect(page.fill).toContain(progressPalette.perYear.toLowerCase())
    expect(page.stroke).toEqual(
      expect.arrayContaining(
        lower([progressPalette.cumulative, progressPalette.target, progressPalette.projection]),
      ),
    )
  })

  it('say the same about the progress under the chart: the gap to the path, the year at the recent pace, the verdict', () => {
    const progress = createProgress()
    const words = { perYear: '', cumulative: '', axis: '', chart: progressChartWords('zh') }
    const [, cumulative] = seriesOf(progressOption(progress, 'compounds', words, format))
    const gap = (cumulative as unknown as { endLabel: { formatter: () => string } }).endLabel.formatter()
    expect(gap).toBe('落后 43')
    const second = pages[1]?.text ?? ''
    expect(second).toContain(squash(gap))
    const said = describeProgress(progress, 'zh')
    for (const sentence of [said.target, said.path, said.pace, said.verdict]) {
      expect(second).toContain(squash(sentence ?? 'missing'))
    }
    // The verdict in the colour of its tone: behind the path but in time is a warning, not green.
    expect(said.tone).toBe('warning')
    expect(colours[1]?.fill).toContain(progressPalette.tone.warning.toLowerCase())
    expect(colours[1]?.fill).not.toContain(progressPalette.tone.good.toLowerCase())
  })

  it('rank the streets by funding alike, ties by code, and colour the sources the same', () => {
    const sources = { fiscal: '', enterprise: '', residents: '', socialCapital: '' }
    const words = { sources, total: '', projects: '', share: '' }
    const option = fundingStreetsOption(funding.rows, words, format)
    const names = axisNames(option)
    expect(names.slice(0, 2)).toEqual(['春熙路街道', '锦官驿街道'])
    expect(names.slice(-2)).toEqual(['柳江街道', '三圣街道'])
    expect(inOrder(pages[2]?.text ?? '', names)).toBe(true)
    const chart = seriesOf(option).map((s) => s.itemStyle?.color ?? '')
    const paper = drawnFrom(
      colours[2]?.fill ?? [],
      fundingSourcePalette.map((s) => s.colour),
    )
    // The share bar of the four sources comes first on the page.
    expect(paper.slice(0, 4)).toEqual(lower(chart))
  })

  it('stack the build era in the same colours', () => {
    const words = { stacks: { onRegister: '', review: '', other: '' }, unknown: '', decade: (s: string) => s }
    const chart = seriesOf(buildEraOption(createBuildEra().rows, words, format)).map(
      (s) => s.itemStyle?.color ?? '',
    )
    expect(chart).toEqual(Object.values(buildEraStackColours))
    const paper = drawnFrom(colours[2]?.fill ?? [], chart)
    // The legend after the heading, in the chart's order.
    expect(paper.slice(0, 3)).toEqual(lower(chart))
  })
})
