// Page 3 of the report: funding by source and street, compounds by build era, and the review list. Colours and the
// streets' order are the dashboard's (the domain's palette and rankFunding).
import {
  type BuildEraResponse,
  buildEraStackColours,
  buildEraStacks,
  buildEraStackValues,
  type FundingResponse,
  type FundingRow,
  fundingSource,
  fundingSourcePalette,
  type ReviewListResponse,
  rankFunding,
  renovationStatus,
  type StatsLanguage,
} from '@renewal-atlas/domain'
import { drawShareBar } from './pdf-charts.ts'
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
import { CONTENT_BOTTOM, CONTENT_WIDTH, MARGIN, runningHeader } from './pdf-page.ts'
import type { ReportWords } from './pdf-words.ts'

/** Funding and build era (left), the review list (right). */
export function fundingPage(doc: Pdf, data: ReportData, words: ReportWords, lang: StatsLanguage) {
  runningHeader(doc, data, words)
  const top = MARGIN.top + 18
  const leftWidth = 404
  const gap = 22
  const bottom = fundingSection(
    doc,
    data.funding,
    data.fundingTotal,
    MARGIN.left,
    top,
    leftWidth,
    words,
    lang,
  )
  buildEraSection(doc, data.buildEra, MARGIN.left, bottom + 16, leftWidth, words, lang)
  const rightX = MARGIN.left + leftWidth + gap
  reviewSection(doc, data.review, rightX, top, CONTENT_WIDTH - leftWidth - gap, words, lang)
}

function fundingSection(
  doc: Pdf,
  funding: FundingResponse,
  total: FundingRow,
  x: number,
  top: number,
  width: number,
  words: ReportWords,
  lang: StatsLanguage,
): number {
  const money = words.numbers.moneyColumn
  const unit = money.unit
  let y = sectionHeading(doc, words.funding(unit), x, top, width)
  text(doc, words.fundingTotal(money.format(total.total), unit, total.projects), x, y, {
    size: 9,
    bold: true,
    color: COLOR.ink,
    width,
  })
  y += 16
  const segments = fundingSourcePalette.map((s) => ({
    label: fundingSource.labels[s.source][lang],
    value: total[s.column],
    color: s.colour,
  }))
  drawShareBar(doc, { x, y, width, height: 16 }, segments, words.numbers.percent)
  y += 22
  drawLegend(
    doc,
    x,
    y,
    segments.map((s) => ({
      label: `${s.label} ${money.format(s.value)}`,
      color: s.color,
      mark: 'box' as const,
    })),
  )
  y += 18
  const columns: TableColumn[] = [
    { header: words.street, width: 78 },
    { header: words.projects, width: 38, align: 'right' },
    ...segments.map((s) => ({ header: s.label, width: 56, align: 'right' as const })),
    { header: words.total, width: width - 78 - 38 - 56 * 4, align: 'right' },
  ]
  const line = (row: FundingRow, name: string): TableCell[] => [
    name,
    words.numbers.count(row.projects),
    ...fundingSourcePalette.map((s) => money.format(row[s.column])),
    money.format(row.total),
  ]
  const streets = rankFunding(funding.rows)
  const rows = [...streets.map((row) => line(row, row.name)), line(total, words.total)]
  return drawTable(doc, x, y, columns, rows, { rowHeight: 14, fontSize: 8, headerHeight: 15, totalRow: true })
    .bottom
}

function buildEraSection(
  doc: Pdf,
  buildEra: BuildEraResponse,
  x: number,
  top: number,
  width: number,
  words: ReportWords,
  lang: StatsLanguage,
) {
  const y = sectionHeading(doc, words.buildEra, x, top, width)
  // The bars are stacked as the dashboard's build-era chart; their legend runs on after the heading.
  const stackLabels = {
    onRegister: words.eraOnRegister,
    review: words.eraReview(buildEra.cutoffYear),
    other: words.eraOther,
  }
  doc.font(FONT.bold).fontSize(11)
  drawLegend(
    doc,
    x + 8 + doc.widthOfString(words.buildEra) + 14,
    top + 3,
    buildEraStacks.map((stack) => ({
      label: stackLabels[stack],
      color: buildEraStackColours[stack],
      mark: 'box' as const,
    })),
    7,
  )
  const highest = Math.max(1, ...buildEra.rows.map((r) => r.compounds))
  const columns: TableColumn[] = [
    { header: words.era, width: 62 },
    { header: words.oldCompounds, width: 46, align: 'right' },
    { header: words.renovated, width: 58, align: 'right' },
    { header: words.beforeCutoff(buildEra.cutoffYear), width: 86, align: 'right' },
    { header: words.compounds, width: width - 252 },
  ]
  const rows: TableCell[][] = buildEra.rows.map((row) => {
    const stacks = buildEraStackValues(row)
    return [
      row.key === 'unknown' ? (lang === 'zh' ? '未知' : 'Unknown') : row.name,
      words.numbers.count(row.oldCompounds),
      words.numbers.count(row.renovatedOldCompounds),
      words.numbers.count(row.beforeCutoffNotOnRegister),
      {
        share: row.compounds / highest,
        label: words.numbers.count(row.compounds),
        segments: buildEraStacks.map((stack) => ({
          share: stacks[stack] / highest,
          color: buildEraStackColours[stack],
        })),
      },
    ]
  })
  const room = CONTENT_BOTTOM - y - 24
  const rowHeight = Math.min(14, Math.max(10, room / Math.max(1, rows.length)))
  drawTable(doc, x, y, columns, rows.slice(0, Math.floor(room / rowHeight)), {
    rowHeight,
    fontSize: 8,
    headerHeight: 15,
  })
}

function reviewSection(
  doc: Pdf,
  review: ReviewListResponse,
  x: number,
  top: number,
  width: number,
  words: ReportWords,
  lang: StatsLanguage,
) {
  let y = sectionHeading(doc, words.review, x, top, width)
  text(doc, words.reviewNote(review.cutoffYear, review.numberMatched), x, y, { size: 9, bold: true, width })
  y += 18
  if (review.rows.length === 0) {
    text(doc, words.reviewEmpty, x, y, { size: 8.5, color: COLOR.muted, width })
    return
  }
  const columns: TableColumn[] = [
    { header: words.name, width: 90 },
    { header: words.street, width: 60 },
    { header: words.community, width: 58 },
    { header: words.builtYear, width: 32, align: 'right' },
    { header: words.households, width: 50, align: 'right' },
    { header: words.status, width: width - 290 },
  ]
  const statusLabels = renovationStatus.labels as Record<string, { zh: string; en: string }>
  const room = CONTENT_BOTTOM - y - 24 - 24
  const rowHeight = 16
  const shown = review.rows.slice(0, Math.floor(room / rowHeight))
  const rows: TableCell[][] = shown.map((row) => [
    row.name,
    row.streetName,
    row.communityName,
    String(row.builtYear),
    words.numbers.count(row.households),
    statusLabels[row.renovationStatus]?.[lang] ?? row.renovationStatus,
  ])
  const bottom = drawTable(doc, x, y, columns, rows, { rowHeight, fontSize: 8, headerHeight: 16 }).bottom
  if (shown.length < review.numberMatched) {
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted)
    doc.text(words.reviewMore(shown.length, review.numberMatched), x, bottom + 5, { width })
  }
}
