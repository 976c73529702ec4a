// The dashboard's charts as ECharts options, built from the statistics API's responses by pure functions:
// same rows in, same chart out. Words come in translated; numbers are written by the StatsFormat.
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
  noOldCompoundsClass,
  type ProgressResponse,
  progressPalette,
  rankContent,
  rankCoverage,
  rankFunding,
} from '@renewal-atlas/domain'
import type { StatsFormat } from '../features/dashboard/stats-format.ts'
import type { ChartOption } from './echarts.ts'
import type { MapLabelLayout } from './map-labels.ts'

/** The app's font stack (styles.css), so that Chinese in the SVG renders as in the page. */
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif'
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
    textStyle: { fontFamily, fontSize: 12, color: ink },
    animationDuration: 350,
    animationDurationUpdate: 250,
    tooltip: {
      confine: true,
      backgroundColor: 'rgba(26, 26, 26, 0.9)',
      borderWidth: 0,
      textStyle: { color: '#ffffff', fontFamily, fontSize: 12 },
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
  /** Said instead of a coverage for an area without old compounds. */
  noOldCompounds: string
  renovated: string
  oldCompounds: string
  householdsBenefiting: string
}

export interface CoverageReference {
  value: number
  label: string
}

function coverageTooltip(row: CoverageRow, words: CoverageWords, format: StatsFormat): string {
  return tooltipLines(row.name, [
    [words.coverage, row.oldCompounds === 0 ? words.noOldCompounds : format.share(row.coverage)],
    [words.renovated, `${format.int(row.renovatedOldCompounds)} / ${format.int(row.oldCompounds)}`],
    [words.householdsBenefiting, format.int(row.householdsBenefiting)],
  ])
}

/** Ranked horizontal bars of coverage, each in its coverage class's colour, with the whole's line. */
export function coverageBarOption(
  rows: readonly CoverageRow[],
  words: CoverageWords,
  format: StatsFormat,
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
            return row && row.oldCompounds === 0 ? words.noOldCompounds : format.share(Number(params.value))
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
                  formatter: `${reference.label} ${format.share(reference.value)}`,
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
  format: StatsFormat,
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
  /** The target line, extended past the last row to the target year; empty without a target. */
  target: (number | null)[]
}

/**
 * The years, bars and lines of the progress chart. The target line is the API's straight line from 0 the
 * year before the first row to the target; it is drawn on to the target year so that its end shows.
 */
export function progressSeries(progress: ProgressResponse, metric: ProgressMetric): ProgressSeries {
  const rows = progress.rows
  const first = rows[0]?.year
  const last = rows.at(-1)?.year
  if (first === undefined || last === undefined) return { years: [], perYear: [], cumulative: [], target: [] }
  const { target, targetCompounds } = progress
  const showTarget = metric === 'compounds' && target !== null && targetCompounds !== null
  const end = showTarget && target.year > last ? target.year : last
  const years = Array.from({ length: end - first + 1 }, (_, i) => first + i)
  const rowOf = new Map(rows.map((row) => [row.year, row]))
  const perYear = years.map((year) => {
    const row = rowOf.get(year)
    if (!row) return null
    return metric === 'compounds' ? row.renovatedOldCompounds : row.householdsBenefiting
  })
  const cumulative = years.map((year) => {
    const row = rowOf.get(year)
    if (!row) return null
    return metric === 'compounds' ? row.cumulativeRenovatedOldCompounds : row.cumulativeHouseholdsBenefiting
  })
  const targetLine = !showTarget
    ? []
    : years.map((year) => {
        const row = rowOf.get(year)
        if (row) return row.targetCumulative
        const span = target.year - (first - 1)
        if (year > target.year || span <= 0) return null
        return (targetCompounds * (year - (first - 1))) / span
      })
  return { years, perYear, cumulative, target: targetLine }
}

export interface ProgressWords {
  perYear: string
  cumulative: string
  /** Short axis names: "当年" and "累计". */
  perYearAxis: string
  cumulativeAxis: string
  /** The target's name, shown in the legend. */
  target: string
}

export function progressOption(
  progress: ProgressResponse,
  metric: ProgressMetric,
  words: ProgressWords,
  format: StatsFormat,
): ChartOption {
  const series = progressSeries(progress, metric)
  const numberOrDash = (value: unknown) => (typeof value === 'number' ? format.int(Math.round(value)) : '—')
  return {
    ...base(),
    legend: {
      top: 0,
      left: 0,
      itemWidth: 18,
      itemHeight: 10,
      textStyle: { color: ink, fontFamily, fontSize: 12 },
    },
    grid: { left: 8, right: 8, top: 68, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
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
    yAxis: [
      {
        type: 'value',
        name: words.perYearAxis,
        nameTextStyle: { color: progressPalette.perYearText, align: 'left' },
        ...valueAxisStyle,
        // Each axis in the colour of what it measures: bars on the left, lines on the right.
        axisLabel: { color: progressPalette.perYearText, formatter: (v: number) => format.compact(v) },
      },
      {
        type: 'value',
        name: words.cumulativeAxis,
        nameTextStyle: { color: progressPalette.cumulative, align: 'right' },
        ...valueAxisStyle,
        splitLine: { show: false },
        axisLabel: { color: progressPalette.cumulative, formatter: (v: number) => format.compact(v) },
      },
    ],
    series: [
      {
        type: 'bar',
        name: words.perYear,
        yAxisIndex: 0,
        barMaxWidth: 26,
        itemStyle: { color: progressPalette.perYear },
        data: series.perYear,
      },
      {
        type: 'line',
        name: words.cumulative,
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2.5, color: progressPalette.cumulative },
        itemStyle: { color: progressPalette.cumulative },
        data: series.cumulative,
      },
      ...(series.target.length > 0
        ? [
            {
              type: 'line' as const,
              name: words.target,
              yAxisIndex: 1,
              symbol: 'none',
              lineStyle: { width: 2, type: 'dashed' as const, color: progressPalette.target },
              itemStyle: { color: progressPalette.target },
              data: series.target.map((value) => (value === null ? null : Math.round(value * 10) / 10)),
            },
          ]
        : []),
    ],
  }
}

// ---- renovation content ----

export interface ContentWords {
  items: string
  projects: string
  cost: string
  share: string
  /** Money with its unit, e.g. "1.23亿元" or "¥1.23M". */
  money: (short: string) => string
}

export function contentOption(
  rows: readonly ContentRow[],
  measure: ContentMeasure,
  nameOf: (row: ContentRow) => string,
  words: ContentWords,
  format: StatsFormat,
): ChartOption {
  const ranked = rankContent(rows, measure)
  const valueText = (value: number) =>
    measure === 'items' ? format.int(value) : words.money(format.money(value))
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
          [words.items, format.int(row.items)],
          [words.projects, format.int(row.projects)],
          [words.cost, words.money(format.money(row.costYuan))],
          [words.share, format.share(row.costShare)],
        ])
      },
    },
    xAxis: {
      type: 'value',
      ...valueAxisStyle,
      axisLabel: {
        ...valueAxisStyle.axisLabel,
        formatter: (v: number) => (measure === 'items' ? format.compact(v) : format.money(v)),
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
  money: (short: string) => string
}

/** Horizontal bars of the four sources of one row (the district or a street), with their shares. */
export function fundingSourcesOption(row: FundingRow, words: FundingWords, format: StatsFormat): ChartOption {
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
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => format.money(v) },
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
          valueFormatter: (value) => words.money(format.money(Number(value))),
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
            const share = total > 0 ? ` (${format.share(value / total)})` : ''
            return `${words.money(format.money(value))}${share}`
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
  format: StatsFormat,
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
      textStyle: { color: ink, fontFamily, fontSize: 12 },
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
      valueFormatter: (value) => words.money(format.money(Number(value))),
    },
    xAxis: {
      type: 'value',
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => format.money(v) },
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
  format: StatsFormat,
): ChartOption {
  const values = rows.map(buildEraStackValues)
  return {
    ...base(),
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: ink, fontFamily, fontSize: 12 },
    },
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      ...base().tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => format.int(Number(value)),
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
