// The dashboard's charts as ECharts options, built from the statistics API's responses by pure functions:
// same rows in, same chart out. Words come in translated; numbers are written by the domain's NumberFormat.
// Colours and the order of rows come from the domain's palette and ranking, which the printed report uses too.
import {
  type BuildEraRow,
  type BuildEraStack,
  buildEraStackColours,
  buildEraStacks,
  buildEraStackValues,
  type ContentMeasure,
  type ContentRow,
  type CoverageRow,
  categoryColour,
  classifyCoverage,
  coverageBarOutline,
  coverageClassesOf,
  coverageReferenceColour,
  type FundingColumn,
  type FundingRow,
  fundingSourcePalette,
  type NumberFormat,
  noOldCompoundsClass,
  type ProgressChartWords,
  type ProgressResponse,
  progressChartLines,
  progressPalette,
  rankContent,
  rankCoverage,
  rankFunding,
} from '@renewal-atlas/domain'
import { uiFontStack } from '../ui/font-stack.ts'
import type { ChartOption, LineSeriesOption } from './echarts.ts'
import type { MapLabelLayout } from './map-labels.ts'

const ink = '#1a1a1a'
const inkMuted = '#4a4a4a'
const gridLine = '#e6e9ee'
/** The outline of a hovered map area (screen only: paper has no hover). */
const hoverOutline = '#1d3557'

/** `#rrggbb` and an opacity as the CSS colour ECharts takes. */
function cssColour(hex: string, opacity: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
  return `rgba(${r}, ${g}, ${b}, ${opacity})`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function tooltipLines(title: string, lines: readonly [label: string, value: string][]): string {
  const rows = lines
    .map(([label, value]) => `<br/>${escapeHtml(label)}：<b>${escapeHtml(value)}</b>`)
    .join('')
  return `<b>${escapeHtml(title)}</b>${rows}`
}

function base(): ChartOption {
  return {
    textStyle: { fontFamily: uiFontStack, fontSize: 12, color: ink },
    animationDuration: 350,
    animationDurationUpdate: 250,
    tooltip: {
      confine: true,
      backgroundColor: 'rgba(26, 26, 26, 0.9)',
      borderWidth: 0,
      textStyle: { color: '#ffffff', fontFamily: uiFontStack, fontSize: 12 },
    },
  }
}

const valueAxisStyle = {
  axisLabel: { color: inkMuted },
  splitLine: { lineStyle: { color: gridLine } },
} as const

const categoryAxisStyle = {
  axisLabel: { color: ink },
  axisLine: { lineStyle: { color: '#b8bec8' } },
  axisTick: { show: false },
} as const

function wholePercent(value: number): string {
  return `${Math.round(value * 100)}%`
}

// ---- coverage ----

export interface CoverageWords {
  coverage: string
  renovated: string
  oldCompounds: string
  householdsBenefiting: string
}

export interface CoverageReference {
  value: number
  label: string
}

function coverageTooltip(row: CoverageRow, words: CoverageWords, format: NumberFormat): string {
  return tooltipLines(row.name, [
    [words.coverage, format.coverage(row)],
    [words.renovated, `${format.count(row.renovatedOldCompounds)} / ${format.count(row.oldCompounds)}`],
    [words.householdsBenefiting, format.count(row.householdsBenefiting)],
  ])
}

/** Ranked horizontal bars of coverage, each in its coverage class's colour, with the whole's line. */
export function coverageBarOption(
  rows: readonly CoverageRow[],
  words: CoverageWords,
  format: NumberFormat,
  reference?: CoverageReference,
): ChartOption {
  const ranked = rankCoverage(rows)
  const classes = coverageClassesOf(rows)
  return {
    ...base(),
    grid: {
      left: 8,
      right: 56,
      top: 24,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      ...base().tooltip,
      trigger: 'item',
      formatter: (params) => {
        const index = Array.isArray(params) ? params[0]?.dataIndex : params.dataIndex
        const row = ranked[index ?? -1]
        return row ? coverageTooltip(row, words, format) : ''
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: wholePercent },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((row) => row.name),
      ...categoryAxisStyle,
    },
    series: [
      {
        type: 'bar',
        name: words.coverage,
        barMaxWidth: 18,
        cursor: 'pointer',
        data: ranked.map((row) => ({
          value: row.coverage,
          itemStyle: {
            color: classifyCoverage(row, classes).colour,
            borderColor: cssColour(coverageBarOutline.colour, coverageBarOutline.opacity),
            borderWidth: coverageBarOutline.width,
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: ink,
          formatter: (params) => {
            const row = ranked[params.dataIndex]
            return row ? format.coverage(row) : format.percent(Number(params.value))
          },
        },
        ...(reference
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: coverageReferenceColour, type: 'dashed', width: 1.5 },
                label: {
                  // The category axis runs top-down (inverse), so the line starts at the top.
                  position: 'start',
                  color: coverageReferenceColour,
                  formatter: `${reference.label} ${format.percent(reference.value)}`,
                },
                data: [{ xAxis: reference.value }],
              },
            }
          : {}),
      },
    ],
  }
}

/** How the small choropleth is laid out, which `chooseMapLabels` needs to keep its labels apart. */
export const coverageMapLayout = {
  // Chengdu lies at 30.6°N: a degree of longitude is cos(30.6°) ≈ 0.86 of a degree of latitude.
  aspectScale: 0.86,
  layoutShare: 0.96,
  fontSize: 10,
  halo: 2,
} as const satisfies MapLabelLayout

/**
 * A choropleth of coverage on a registered map whose features carry `code` (and their label point as `cp`); same
 * classes as the map. Only the areas in `labelled` are named, so that no two names overlap (map-labels.ts).
 */
export function coverageMapOption(
  mapName: string,
  rows: readonly CoverageRow[],
  names: ReadonlyMap<string, string>,
  words: CoverageWords,
  format: NumberFormat,
  labelled?: ReadonlySet<string>,
): ChartOption {
  const byKey = new Map(rows.map((row) => [row.key, row]))
  const classes = coverageClassesOf(rows)
  return {
    ...base(),
    tooltip: {
      ...base().tooltip,
      trigger: 'item',
      formatter: (params) => {
        const code = Array.isArray(params) ? params[0]?.name : params.name
        const row = byKey.get(String(code))
        return row ? coverageTooltip(row, words, format) : escapeHtml(names.get(String(code)) ?? '')
      },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'code',
        aspectScale: coverageMapLayout.aspectScale,
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: `${coverageMapLayout.layoutShare * 100}%`,
        cursor: 'pointer',
        // An area the rows do not name is drawn like one with nothing to cover.
        itemStyle: { areaColor: noOldCompoundsClass.colour, borderColor: '#ffffff', borderWidth: 1 },
        emphasis: {
          itemStyle: { areaColor: '#F4C27A', borderColor: hoverOutline, borderWidth: 1.5 },
          label: { color: ink },
        },
        label: {
          show: true,
          fontSize: coverageMapLayout.fontSize,
          color: ink,
          textBorderColor: 'rgba(255, 255, 255, 0.9)',
          textBorderWidth: coverageMapLayout.halo,
          formatter: (params) => {
            const code = String(params.name)
            return labelled && !labelled.has(code) ? '' : (names.get(code) ?? '')
          },
        },
        data: rows.map((row) => ({
          name: row.key,
          value: row.coverage,
          itemStyle: { areaColor: classifyCoverage(row, classes).colour },
        })),
      },
    ],
  }
}

// ---- progress against the target ----

export type ProgressMetric = 'compounds' | 'households'

export interface ProgressSeries {
  years: number[]
  perYear: (number | null)[]
  cumulative: (number | null)[]
  /** The straight-line target path, on to the target year; empty for households and without a target. */
  target: (number | null)[]
  /** The cumulative count at the recent pace, from the last year to the year it reaches the target; or empty. */
  projection: (number | null)[]
}

/**
 * The years, bars and lines of the progress chart. The target path and the projection are the domain's
 * (progressChartLines), which the PDF draws too; they are drawn for compounds only, the unit of the target.
 */
export function progressSeries(progress: ProgressResponse, metric: ProgressMetric): ProgressSeries {
  const rowOf = new Map(progress.rows.map((row) => [row.year, row]))
  const lines = progressChartLines(progress)
  const compounds = metric === 'compounds'
  const years = compounds ? lines.years : progress.rows.map((row) => row.year)
  const perYear = years.map((year) => {
    const row = rowOf.get(year)
    if (!row) return null
    return compounds ? row.renovatedOldCompounds : row.householdsBenefiting
  })
  const cumulative = years.map((year) => {
    const row = rowOf.get(year)
    if (!row) return null
    return compounds ? row.cumulativeRenovatedOldCompounds : row.cumulativeHouseholdsBenefiting
  })
  const drawn = (values: (number | null)[]) => (compounds && values.some((v) => v !== null) ? values : [])
  return { years, perYear, cumulative, target: drawn(lines.path), projection: drawn(lines.projection) }
}

/** A line that guides the eye (the target path, the projection): no symbols, values to a tenth; none if empty. */
function guide(
  name: string,
  values: readonly (number | null)[],
  color: string,
  type: 'dashed' | 'dotted',
  endLabel?: LineSeriesOption['endLabel'],
): LineSeriesOption[] {
  if (values.length === 0) return []
  return [
    {
      type: 'line',
      name,
      symbol: 'none',
      lineStyle: { width: 2, type, color },
      itemStyle: { color },
      data: values.map((value) => (value === null ? null : Math.round(value * 10) / 10)),
      ...(endLabel ? { endLabel } : {}),
    },
  ]
}

export interface ProgressWords {
  perYear: string
  cumulative: string
  /** The one value axis, with its unit: "老旧小区（个）" or "户数（户）". */
  axis: string
  /** The target path, the projection and the gap today, from the domain (the PDF's words too). */
  chart: ProgressChartWords
}

export function progressOption(
  progress: ProgressResponse,
  metric: ProgressMetric,
  words: ProgressWords,
  format: NumberFormat,
): ChartOption {
  const series = progressSeries(progress, metric)
  const { outlook, targetCompounds } = progress
  const numberOrDash = (value: unknown) => (typeof value === 'number' ? format.count(value) : '—')
  const today = String(progress.rows.at(-1)?.year ?? '')
  const pathToday = series.target[series.years.indexOf(Number(today))]
  // The gap between the count and the path today: a bracket at the last year with data, and its words beside
  // the last point (a label on the bracket itself would turn upright with it).
  const hasGap =
    series.target.length > 0 && outlook.standing !== null && outlook.gapToPath !== null && pathToday != null
  const gapWords =
    hasGap && outlook.standing !== null && outlook.gapToPath !== null
      ? words.chart.gap(outlook.gapToPath, outlook.standing)
      : null
  const gap =
    hasGap && pathToday != null
      ? {
          silent: true,
          symbol: 'none',
          lineStyle: { color: progressPalette.target, type: 'solid' as const, width: 2 },
          label: { show: false },
          data: [
            [{ coord: [today, outlook.cumulative] }, { coord: [today, pathToday] }] as [
              { coord: [string, number] },
              { coord: [string, number] },
            ],
          ],
        }
      : undefined
  return {
    ...base(),
    legend: {
      top: 0,
      left: 0,
      itemWidth: 18,
      itemHeight: 10,
      textStyle: { color: ink, fontFamily: uiFontStack, fontSize: 12 },
    },
    grid: {
      left: 8,
      right: 40,
      top: 56,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      ...base().tooltip,
      trigger: 'axis',
      valueFormatter: numberOrDash,
    },
    xAxis: {
      type: 'category',
      data: series.years.map(String),
      ...categoryAxisStyle,
    },
    // One axis for bars and lines, so that a bar reads in the same units as the line above it.
    yAxis: {
      type: 'value',
      name: words.axis,
      nameTextStyle: { color: inkMuted, align: 'left' },
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => format.compact(v) },
    },
    series: [
      {
        type: 'bar',
        name: words.perYear,
        barMaxWidth: 26,
        itemStyle: { color: progressPalette.perYear },
        data: series.perYear,
      },
      {
        type: 'line',
        name: words.cumulative,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2.5, color: progressPalette.cumulative },
        itemStyle: { color: progressPalette.cumulative },
        data: series.cumulative,
        ...(gap ? { markLine: gap } : {}),
        ...(gapWords
          ? {
              endLabel: {
                show: true,
                // Below the point when the path is above it, above it otherwise: clear of the bracket.
                offset: [4, outlook.standing === 'behind' ? 12 : -12],
                color: progressPalette.target,
                fontWeight: 'bold' as const,
                formatter: () => gapWords,
              },
            }
          : {}),
      },
      ...guide(words.chart.path, series.target, progressPalette.target, 'dashed', {
        show: targetCompounds !== null,
        color: progressPalette.target,
        fontWeight: 'bold' as const,
        formatter: () => format.count(targetCompounds ?? 0),
      }),
      ...guide(words.chart.projection, series.projection, progressPalette.projection, 'dotted'),
    ],
  }
}

// ---- renovation content ----

export interface ContentWords {
  items: string
  projects: string
  cost: string
  share: string
}

export function contentOption(
  rows: readonly ContentRow[],
  measure: ContentMeasure,
  nameOf: (row: ContentRow) => string,
  words: ContentWords,
  format: NumberFormat,
): ChartOption {
  const ranked = rankContent(rows, measure)
  const valueText = (value: number) => (measure === 'items' ? format.count(value) : format.money(value))
  return {
    ...base(),
    grid: { left: 8, right: 64, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      ...base().tooltip,
      trigger: 'item',
      formatter: (params) => {
        const index = Array.isArray(params) ? params[0]?.dataIndex : params.dataIndex
        const row = ranked[index ?? -1]
        if (!row) return ''
        return tooltipLines(nameOf(row), [
          [words.items, format.count(row.items)],
          [words.projects, format.count(row.projects)],
          [words.cost, format.money(row.costYuan)],
          [words.share, format.percent(row.costShare)],
        ])
      },
    },
    xAxis: {
      type: 'value',
      ...valueAxisStyle,
      axisLabel: {
        ...valueAxisStyle.axisLabel,
        formatter: (v: number) => (measure === 'items' ? format.compact(v) : format.moneyShort(v)),
      },
    },
    yAxis: { type: 'category', inverse: true, data: ranked.map(nameOf), ...categoryAxisStyle },
    series: [
      {
        type: 'bar',
        name: measure === 'items' ? words.items : words.cost,
        barMaxWidth: 18,
        data: ranked.map((row) => ({
          value: measure === 'items' ? row.items : row.costYuan,
          itemStyle: { color: categoryColour(row.category) },
        })),
        label: {
          show: true,
          position: 'right',
          color: ink,
          formatter: (params) => valueText(Number(params.value)),
        },
      },
    ],
  }
}

// ---- funding ----

export interface FundingWords {
  /** Each source's name, by its column in a funding row. */
  sources: Record<FundingColumn, string>
  total: string
  projects: string
  share: string
}

/** Horizontal bars of the four sources of one row (the district or a street), with their shares. */
export function fundingSourcesOption(
  row: FundingRow,
  words: FundingWords,
  format: NumberFormat,
): ChartOption {
  const total = row.total
  return {
    ...base(),
    grid: {
      left: 8,
      right: 120,
      top: 8,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { ...base().tooltip, trigger: 'item' },
    xAxis: {
      type: 'value',
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => format.moneyShort(v) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: fundingSourcePalette.map(({ column }) => words.sources[column]),
      ...categoryAxisStyle,
    },
    series: [
      {
        type: 'bar',
        name: words.total,
        barMaxWidth: 22,
        tooltip: {
          valueFormatter: (value) => format.money(Number(value)),
        },
        data: fundingSourcePalette.map(({ column, colour }) => ({
          value: row[column],
          itemStyle: { color: colour },
        })),
        label: {
          show: true,
          position: 'right',
          color: ink,
          formatter: (params) => {
            const value = Number(params.value)
            const share = total > 0 ? ` (${format.percent(value / total)})` : ''
            return `${format.money(value)}${share}`
          },
        },
      },
    ],
  }
}

/** Stacked bars of the sources per street; with a street chosen, the others fade. */
export function fundingStreetsOption(
  rows: readonly FundingRow[],
  words: FundingWords,
  format: NumberFormat,
  selected?: string,
): ChartOption {
  const ranked = rankFunding(rows)
  return {
    ...base(),
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: ink, fontFamily: uiFontStack, fontSize: 12 },
    },
    grid: {
      left: 8,
      right: 16,
      top: 32,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      ...base().tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => format.money(Number(value)),
    },
    xAxis: {
      type: 'value',
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => format.moneyShort(v) },
    },
    yAxis: { type: 'category', inverse: true, data: ranked.map((row) => row.name), ...categoryAxisStyle },
    series: fundingSourcePalette.map(({ column, colour }) => ({
      type: 'bar' as const,
      name: words.sources[column],
      stack: 'funding',
      barMaxWidth: 18,
      cursor: 'pointer',
      itemStyle: { color: colour },
      data: ranked.map((row) => ({
        value: row[column],
        itemStyle: { opacity: selected === undefined || selected === row.key ? 1 : 0.3 },
      })),
    })),
  }
}

// ---- build era ----

export interface EraWords {
  stacks: Record<BuildEraStack, string>
  /** The decade of compounds without a built year. */
  unknown: string
  /** A decade's short name on the axis, e.g. "1990年代" or "1990s". */
  decade: (start: string) => string
}

export function buildEraOption(
  rows: readonly BuildEraRow[],
  words: EraWords,
  format: NumberFormat,
): ChartOption {
  const values = rows.map(buildEraStackValues)
  return {
    ...base(),
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: ink, fontFamily: uiFontStack, fontSize: 12 },
    },
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      ...base().tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => format.count(Number(value)),
    },
    xAxis: {
      type: 'category',
      data: rows.map((row) => (row.key === 'unknown' ? words.unknown : words.decade(row.key))),
      ...categoryAxisStyle,
      axisLabel: { ...categoryAxisStyle.axisLabel, interval: 0, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => format.compact(v) },
    },
    series: buildEraStacks.map((stack) => ({
      type: 'bar' as const,
      name: words.stacks[stack],
      stack: 'era',
      barMaxWidth: 36,
      itemStyle: { color: buildEraStackColours[stack] },
      data: values.map((v) => v[stack]),
    })),
  }
}
