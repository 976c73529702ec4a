// Page 1 of the report: the headline figures and coverage by street (or community), ranked and coloured as on
// the dashboard (the domain's rankCoverage and coverage classes).
import {
  type CoverageResponse,
  classifyCoverage,
  coverageBarOutline,
  coverageClassesOf,
  coverageLegendBounds,
  coverageLegendDecimals,
  coverageReferenceColour,
  type HeadlineChange,
  headlineChange,
  headlineLabels,
  headlineValue,
  rankCoverage,
  type StatsLanguage,
} from '@renewal-atlas/domain'
import { formatDateTime } from './format.ts'
import type { ReportData } from './pdf-data.ts'
import {
  barTrack,
  COLOR,
  drawCard,
  drawLegend,
  drawTable,
  type Pdf,
  sectionHeading,
  type TableCell,
  type TableColumn,
  text,
} from './pdf-draw.ts'
import { CONTENT_BOTTOM, CONTENT_WIDTH, MARGIN, rule } from './pdf-page.ts'
import type { ReportWords } from './pdf-words.ts'

/** Title, filter, generation time, the headline cards and the ranked coverage table. */
export function overviewPage(doc: Pdf, data: ReportData, words: ReportWords, lang: StatsLanguage) {
  const x = MARGIN.left
  const { summary } = data
  text(doc, words.title, x, MARGIN.top - 4, { size: 20, bold: true, color: COLOR.ink })
  text(doc, data.filterLabel, x, MARGIN.top + 26, {
    size: 11,
    color: COLOR.primary,
    width: CONTENT_WIDTH * 0.6,
  })
  const right = { width: CONTENT_WIDTH * 0.4, align: 'right' as const }
  text(
    doc,
    `${words.generated} ${formatDateTime(data.generatedAt, lang)}`,
    x + CONTENT_WIDTH * 0.6,
    MARGIN.top,
    {
      size: 8.5,
      color: COLOR.muted,
      ...right,
    },
  )
  text(doc, words.asOf(summary.asOfYear), x + CONTENT_WIDTH * 0.6, MARGIN.top + 14, {
    size: 8.5,
    color: COLOR.muted,
    ...right,
  })
  rule(doc, MARGIN.top + 46)

  const top = MARGIN.top + 56
  const gap = 8
  const cardWidth = (CONTENT_WIDTH - gap * (summary.rows.length - 1)) / summary.rows.length
  const format = words.numbers
  summary.rows.forEach((figure, i) => {
    const shown = headlineValue(figure, format)
    const change = headlineChange(figure, format)
    drawCard(doc, x + i * (cardWidth + gap), top, cardWidth, 80, {
      label: headlineLabels[figure.key][lang],
      value: shown.unit ? `${shown.value} ${shown.unit}` : shown.value,
      change: changeText(change, words),
      trend: change.direction === 'up' || change.direction === 'down' ? change.direction : 'none',
    })
  })
  text(doc, words.changeNote(summary.previousYear), x, top + 86, {
    size: 7,
    color: COLOR.muted,
    width: CONTENT_WIDTH,
  })

  const overall = summary.rows.find((f) => f.key === 'coverage')?.value ?? null
  coverageSection(doc, data.coverage, overall, top + 108, words)
}

/** A change on paper: "↑83（+21.1%）", "↑11.1个百分点", "持平", or that the previous year has no record. */
function changeText(change: HeadlineChange, words: ReportWords): string {
  if (change.direction === 'none') return words.noPrevious
  if (change.direction === 'flat') return words.unchanged
  const amount = `${change.direction === 'up' ? '↑' : '↓'}${change.amount}`
  return change.ratio ? words.changeWithRatio(amount, change.ratio) : amount
}

function coverageSection(
  doc: Pdf,
  coverage: CoverageResponse,
  overall: number | null,
  top: number,
  words: ReportWords,
) {
  const x = MARGIN.left
  const byCommunity = coverage.groupBy === 'community'
  const headingBottom = sectionHeading(
    doc,
    byCommunity ? words.coverageByCommunity : words.coverageByStreet,
    x,
    top,
    CONTENT_WIDTH,
    words.rankedNote,
  )
  const format = words.numbers
  const ranked = rankCoverage(coverage.rows)
  const classes = coverageClassesOf(coverage.rows)
  const headerHeight = 16
  // Room for a header of two lines, the classes' legend and the note under a cut-off table.
  const room = CONTENT_BOTTOM - headingBottom - 24 - 14 - 12
  const rowHeight = Math.min(25, Math.max(11, room / Math.max(1, ranked.length)))
  const shown = ranked.slice(0, Math.floor(room / rowHeight))
  const fontSize = rowHeight >= 16 ? 8.5 : 7.5
  const fixed = [22, 118, 58, 62, 58, 72]
  const columns: TableColumn[] = [
    { header: words.rank, width: fixed[0] ?? 22, align: 'right' },
    { header: byCommunity ? words.community : words.street, width: fixed[1] ?? 118 },
    { header: words.compounds, width: fixed[2] ?? 58, align: 'right' },
    { header: words.oldCompounds, width: fixed[3] ?? 62, align: 'right' },
    { header: words.renovated, width: fixed[4] ?? 58, align: 'right' },
    { header: words.householdsBenefiting, width: fixed[5] ?? 72, align: 'right' },
    { header: words.coverage, width: CONTENT_WIDTH - fixed.reduce((a, b) => a + b, 0) },
  ]
  const rows: TableCell[][] = shown.map((row, i) => [
    String(i + 1),
    row.name,
    format.count(row.compounds),
    format.count(row.oldCompounds),
    format.count(row.renovatedOldCompounds),
    format.count(row.householdsBenefiting),
    // 无老旧小区 / No old compounds where 0 ÷ 0 has no percentage, in words and with no bar, as the dashboard says.
    row.oldCompounds === 0
      ? format.coverage(row)
      : {
          share: row.coverage,
          label: format.coverage(row),
          color: classifyCoverage(row, classes).colour,
          outline: coverageBarOutline,
        },
  ])
  const table = drawTable(doc, x, headingBottom, columns, rows, { rowHeight, fontSize, headerHeight })
  const barLeft = table.columnX[6]
  const barColumn = columns[6]
  if (overall !== null && barLeft !== undefined && barColumn && shown.length > 0) {
    const track = barTrack(barLeft, barColumn.width)
    const markX = track.x + track.width * Math.min(1, Math.max(0, overall))
    doc
      .moveTo(markX, table.headerBottom)
      .lineTo(markX, table.bottom)
      .lineWidth(1)
      .strokeColor(coverageReferenceColour)
      .dash(3, { space: 2 })
      .stroke()
      .undash()
    const label = words.overall(format.percent(overall))
    text(doc, label, markX - 60, headingBottom - 12, {
      size: 7.5,
      bold: true,
      color: coverageReferenceColour,
      width: 120,
      align: 'center',
    })
  }
  // The classes with their breaks, as the map's and the dashboard's legends list them.
  const decimals = coverageLegendDecimals(classes)
  const legendTop = table.bottom + 4
  const titleWidth = text(doc, words.coverageClasses, x, legendTop, { size: 7.5, color: COLOR.muted })
  drawLegend(
    doc,
    x + titleWidth + 8,
    legendTop,
    classes.map((cls) => {
      const bounds = coverageLegendBounds(cls, decimals)
      return {
        label: bounds.length === 0 ? words.noOldCompounds : words.classRange(bounds),
        color: cls.colour,
        mark: 'box' as const,
        outline: coverageBarOutline,
      }
    }),
  )
  if (shown.length < ranked.length) {
    text(doc, words.more(ranked.length - shown.length), x, legendTop + 14, { size: 7, color: COLOR.muted })
  }
}
