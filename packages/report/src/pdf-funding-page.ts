// Page 3 of the report: funding by source and street, compounds by build era, and the review list.
import {
  type BuildEraResponse,
  type FundingResponse,
  type FundingRow,
  fundingSource,
  type ReviewListResponse,
  renovationStatus,
  type StatsLanguage,
} from '@renewal-atlas/domain'
import { formatCount, formatMoney, moneyUnit } from './format.ts'
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

const SOURCE_COLORS = ['#1d4e89', '#4a90c8', '#f0a23b', '#5aa469'] as const

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
  const unit = moneyUnit[lang].label
  let y = sectionHeading(doc, words.funding(unit), x, top, width)
  text(doc, words.fundingTotal(formatMoney(total.total, lang), unit, total.projects), x, y, {
    size: 9,
    bold: true,
    color: COLOR.ink,
    width,
  })
  y += 16
  const sources = [
    { key: 'fiscal', value: total.fiscal },
    { key: 'enterprise', value: total.enterprise },
    { key: 'residents', value: total.residents },
    { key: 'social_capital', value: total.socialCapital },
  ] as const
  const segments = sources.map((s, i) => ({
    label: fundingSource.labels[s.key][lang],
    value: s.value,
    color: SOURCE_COLORS[i] ?? COLOR.faint,
  }))
  drawShareBar(doc, { x, y, width, height: 16 }, segments)
  y += 22
  drawLegend(
    doc,
    x,
    y,
    segments.map((s) => ({
      label: `${s.label} ${formatMoney(s.value, lang)}`,
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
    formatCount(row.projects),
    formatMoney(row.fiscal, lang),
    formatMoney(row.enterprise, lang),
    formatMoney(row.residents, lang),
    formatMoney(row.socialCapital, lang),
    formatMoney(row.total, lang),
  ]
  const rows = [...funding.rows.map((row) => line(row, row.name)), line(total, words.total)]
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
  const highest = Math.max(1, ...buildEra.rows.map((r) => r.compounds))
  const columns: TableColumn[] = [
    { header: words.era, width: 62 },
    { header: words.oldCompounds, width: 46, align: 'right' },
    { header: words.renovated, width: 58, align: 'right' },
    { header: words.beforeCutoff(buildEra.cutoffYear), width: 86, align: 'right' },
    { header: words.compounds, width: width - 252 },
  ]
  const rows: TableCell[][] = buildEra.rows.map((row) => [
    row.key === 'unknown' ? (lang === 'zh' ? '未知' : 'Unknown') : row.name,
    formatCount(row.oldCompounds),
    formatCount(row.renovatedOldCompounds),
    formatCount(row.beforeCutoffNotOnRegister),
    { share: row.compounds / highest, label: formatCount(row.compounds), color: COLOR.primaryLight },
  ])
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
    formatCount(row.households),
    statusLabels[row.renovationStatus]?.[lang] ?? row.renovationStatus,
  ])
  const bottom = drawTable(doc, x, y, columns, rows, { rowHeight, fontSize: 8, headerHeight: 16 }).bottom
  if (shown.length < review.numberMatched) {
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted)
    doc.text(words.reviewMore(shown.length, review.numberMatched), x, bottom + 5, { width })
  }
}
