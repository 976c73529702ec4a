// Page 2 of the report: progress against the target, renovation content by category, and the years as a table.
// Colours, the content's order and the progress sentences are the dashboard's (the domain's palette, rankContent
// and describeProgress).
import {
  type ContentResponse,
  categoryColour,
  describeProgress,
  itemCategory,
  itemType,
  type ProgressResponse,
  progressChartWords,
  progressPalette,
  rankContent,
  type StatsLanguage,
} from '@renewal-atlas/domain'
import { drawProgressChart, drawShareBar } from './pdf-charts.ts'
import type { ReportData } from './pdf-data.ts'
import {
  COLOR,
  drawLegend,
  drawTable,
  FONT,
  type Pdf,
  sectionHeading,
  type TableCell,
  type TableColumn,
} from './pdf-draw.ts'
import { CONTENT_WIDTH, MARGIN, runningHeader } from './pdf-page.ts'
import type { ReportWords } from './pdf-words.ts'

/** The progress chart and target facts (left), content by category (right), the year table below. */
export function progressPage(doc: Pdf, data: ReportData, words: ReportWords, lang: StatsLanguage) {
  runningHeader(doc, data, words)
  const top = MARGIN.top + 18
  const leftWidth = 468
  const gap = 24
  const { progress } = data
  let y = sectionHeading(doc, words.progress, MARGIN.left, top, leftWidth)
  drawProgressChart(doc, { x: MARGIN.left, y, width: leftWidth, height: 250 }, progress, {
    perYear: words.perYear,
    cumulative: words.cumulative,
    ahead: words.ahead,
    empty: words.noRenovations,
    chart: progressChartWords(lang),
    numbers: words.numbers,
  })
  y += 256
  // The dashboard's sentences under its chart: the target, the standing against the path, the pace, the verdict.
  const said = describeProgress(progress, lang)
  const lines: { text: string; bold?: boolean; color: string }[] = [
    ...(said.target ? [{ text: said.target, bold: true, color: COLOR.ink }] : []),
    ...(said.path ? [{ text: said.path, color: COLOR.muted }] : []),
    { text: said.pace, color: COLOR.muted },
    ...(said.verdict ? [{ text: said.verdict, bold: true, color: progressPalette.tone[said.tone] }] : []),
  ]
  for (const line of lines) {
    doc
      .font(line.bold ? FONT.bold : FONT.regular)
      .fontSize(7.5)
      .fillColor(line.color)
    doc.text(line.text, MARGIN.left, y, { width: leftWidth, lineGap: 0.5 })
    y = doc.y + 1.5
  }

  contentSection(
    doc,
    data.content,
    MARGIN.left + leftWidth + gap,
    top,
    CONTENT_WIDTH - leftWidth - gap,
    words,
    lang,
  )
  // Below the sentences, however many lines they took.
  yearTable(doc, progress, Math.max(top + 330, y + 6), words)
}

function contentSection(
  doc: Pdf,
  content: ContentResponse,
  x: number,
  top: number,
  width: number,
  words: ReportWords,
  lang: StatsLanguage,
) {
  const format = words.numbers
  let y = sectionHeading(doc, words.content, x, top, width, words.contentRankedNote)
  // By cost, largest first: the dashboard's default measure and its order.
  const ranked = rankContent(content.rows, 'money')
  const name = (key: string, fallback: string) =>
    (itemCategory.labels as Record<string, { zh: string; en: string }>)[key]?.[lang] ??
    (itemType.labels as Record<string, { zh: string; en: string }>)[key]?.[lang] ??
    fallback
  const columns: TableColumn[] = [
    { header: words.category, width: width - 204 },
    { header: words.items, width: 40, align: 'right' },
    { header: words.projects, width: 44, align: 'right' },
    { header: words.cost(format.moneyColumn.unit), width: 68, align: 'right' },
    { header: words.costShare, width: 52, align: 'right' },
  ]
  const rows: TableCell[][] = ranked.map((row) => [
    name(row.key, row.name),
    format.count(row.items),
    format.count(row.projects),
    format.moneyColumn.format(row.costYuan),
    format.percent(row.costShare),
  ])
  y = drawTable(doc, x, y, columns, rows, { rowHeight: 20, fontSize: 8.5, headerHeight: 16 }).bottom + 16
  const segments = ranked.map((row) => ({
    label: name(row.key, row.name),
    value: row.costYuan,
    color: categoryColour(row.category),
  }))
  drawShareBar(doc, { x, y, width, height: 16 }, segments, format.percent)
  drawLegend(
    doc,
    x,
    y + 22,
    segments.map((s) => ({ label: s.label, color: s.color, mark: 'box' as const })),
  )
}

/** The progress rows transposed: one column per year (the latest 14 years), one row per measure. */
function yearTable(doc: Pdf, progress: ProgressResponse, top: number, words: ReportWords) {
  const x = MARGIN.left
  const y = sectionHeading(doc, words.byYear, x, top, CONTENT_WIDTH)
  const years = progress.rows.slice(-14)
  if (years.length === 0) return
  const labelWidth = 110
  const yearWidth = Math.min(62, (CONTENT_WIDTH - labelWidth) / years.length)
  const columns: TableColumn[] = [
    { header: words.year, width: labelWidth },
    ...years.map((row) => ({ header: String(row.year), width: yearWidth, align: 'right' as const })),
  ]
  const format = words.numbers
  const line = (label: string, cell: (row: (typeof years)[number]) => string): TableCell[] => [
    label,
    ...years.map(cell),
  ]
  const rows = [
    line(words.yearRenovated, (r) => format.count(r.renovatedOldCompounds)),
    line(words.yearHouseholds, (r) => format.count(r.householdsBenefiting)),
    line(words.cumulativeRenovated, (r) => format.count(r.cumulativeRenovatedOldCompounds)),
    line(words.cumulativeCoverage, (r) => format.percent(r.coverage)),
    ...(progress.target
      ? [
          line(words.targetCumulative, (r) =>
            r.targetCumulative === null ? '–' : format.fixed(r.targetCumulative, 1),
          ),
        ]
      : []),
  ]
  drawTable(doc, x, y, columns, rows, { rowHeight: 16, fontSize: 8, headerHeight: 16 })
}
