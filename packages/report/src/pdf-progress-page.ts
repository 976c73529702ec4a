// Page 2 of the report: progress against the target, renovation content by category, and the years as a table.
// Colours and the content's order are the dashboard's (the domain's palette and rankContent).
import {
  type ContentResponse,
  categoryColour,
  itemCategory,
  itemType,
  type ProgressResponse,
  rankContent,
  type StatsLanguage,
} from '@renewal-atlas/domain'
import { formatCount, formatMoney, formatOneDecimal, formatShare, moneyUnit } from './format.ts'
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
  text,
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
    target: words.targetLine,
    ahead: words.ahead,
    empty: words.noRenovations,
  })
  y += 258
  const target = progress.target
  if (target) {
    const name = lang === 'zh' ? target.name : target.nameEn
    text(doc, words.target(name), MARGIN.left, y, {
      size: 8,
      bold: true,
      width: leftWidth,
    })
    const last = progress.rows[progress.rows.length - 1]
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted)
    doc.text(words.targetFacts(progress, formatShare(last?.coverage ?? 0)), MARGIN.left, y + 13, {
      width: leftWidth,
      lineGap: 1,
    })
  } else {
    text(doc, words.noTarget, MARGIN.left, y, { size: 8, color: COLOR.muted })
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
  yearTable(doc, progress, top + 330, words)
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
  const unit = moneyUnit[lang].label
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
    { header: words.cost(unit), width: 68, align: 'right' },
    { header: words.costShare, width: 52, align: 'right' },
  ]
  const rows: TableCell[][] = ranked.map((row) => [
    name(row.key, row.name),
    formatCount(row.items),
    formatCount(row.projects),
    formatMoney(row.costYuan, lang),
    formatShare(row.costShare),
  ])
  y = drawTable(doc, x, y, columns, rows, { rowHeight: 20, fontSize: 8.5, headerHeight: 16 }).bottom + 16
  const segments = ranked.map((row) => ({
    label: name(row.key, row.name),
    value: row.costYuan,
    color: categoryColour(row.category),
  }))
  drawShareBar(doc, { x, y, width, height: 16 }, segments)
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
  const line = (label: string, cell: (row: (typeof years)[number]) => string): TableCell[] => [
    label,
    ...years.map(cell),
  ]
  const rows = [
    line(words.yearRenovated, (r) => formatCount(r.renovatedOldCompounds)),
    line(words.yearHouseholds, (r) => formatCount(r.householdsBenefiting)),
    line(words.cumulativeRenovated, (r) => formatCount(r.cumulativeRenovatedOldCompounds)),
    line(words.cumulativeCoverage, (r) => formatShare(r.coverage)),
    ...(progress.target
      ? [
          line(words.targetCumulative, (r) =>
            r.targetCumulative === null ? '–' : formatOneDecimal(r.targetCumulative),
          ),
        ]
      : []),
  ]
  drawTable(doc, x, y, columns, rows, { rowHeight: 16, fontSize: 8, headerHeight: 16 })
}
