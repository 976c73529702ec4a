// The printable statistics report: three A4 landscape pages laid out like the dashboard, Chinese first.
import {
  type BuildEraResponse,
  type ContentResponse,
  type CoverageResponse,
  type CoverageRow,
  type FundingResponse,
  type FundingRow,
  fundingSource,
  headlineLabels,
  itemCategory,
  itemType,
  type ProgressResponse,
  type ReviewListResponse,
  renovationStatus,
  type StatsLanguage,
  type SummaryResponse,
} from '@renewal-atlas/domain'
import PDFDocument from 'pdfkit'
import {
  formatCount,
  formatDateTime,
  formatDecimal,
  formatFigureChange,
  formatFigureValue,
  formatMoney,
  formatOneDecimal,
  formatShare,
  moneyUnit,
} from './format.ts'
import { notoSansSc } from './noto-font.ts'
import { drawProgressChart, drawShareBar } from './pdf-charts.ts'
import {
  barTrack,
  COLOR,
  drawCard,
  drawLegend,
  drawTable,
  FONT,
  type Pdf,
  sectionHeading,
  type TableCell,
  type TableColumn,
  text,
} from './pdf-draw.ts'

/** Everything the report shows, gathered from the statistics service for one filter. */
export interface ReportData {
  generatedAt: Date
  /** The filter in words, e.g. "锦江区 · 2019–2021年" (see describeFilter). */
  filterLabel: string
  /** The data set holds synthetic (demo) records: the footer says so. */
  synthetic: boolean
  summary: SummaryResponse
  /** Street rows, or the community rows of the street the report is filtered to. */
  coverage: CoverageResponse
  progress: ProgressResponse
  /** Grouped by category. */
  content: ContentResponse
  /** Street rows. */
  funding: FundingResponse
  /** The district row (or the street's, when filtered): the totals. */
  fundingTotal: FundingRow
  buildEra: BuildEraResponse
  /** The first rows of the review list and how many there are in all. */
  review: ReviewListResponse
}

const PAGE = { width: 841.89, height: 595.28 }
const MARGIN = { top: 30, bottom: 30, left: 36, right: 36 }
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
/** Everything above this line; the footer sits below it. */
const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom - 14

const CATEGORY_COLORS: Record<string, string> = {
  basic: '#1d4e89',
  improvement: '#4a90c8',
  upgrade: '#5aa469',
  safety: '#d9622b',
}
const SOURCE_COLORS = ['#1d4e89', '#4a90c8', '#f0a23b', '#5aa469'] as const

const WORDS = {
  zh: {
    title: '老旧小区改造统计报告',
    generated: '生成时间',
    asOf: (year: number) => `数据截至${year}年末`,
    changeNote: (year: number) =>
      `箭头为较${year}年末的变化；覆盖率 = 已改造老旧小区 ÷ 纳入清单的老旧小区；纳入清单数无历史记录。`,
    coverageByStreet: '各街道改造覆盖率',
    coverageByCommunity: '各社区改造覆盖率',
    rankedNote: '按覆盖率由高到低排列',
    rank: '序',
    street: '街道',
    community: '社区',
    compounds: '小区数',
    oldCompounds: '老旧小区',
    renovated: '已改造',
    householdsBenefiting: '受益户数',
    coverage: '改造覆盖率',
    overall: (share: string) => `总体 ${share}`,
    more: (n: number) => `另有 ${n} 行未列出，完整数据请下载表格。`,
    progress: '改造进度与目标',
    perYear: '当年改造老旧小区',
    cumulative: '累计改造',
    targetLine: '目标进度',
    ahead: '至目标年',
    noRenovations: '筛选范围内没有改造记录',
    target: (name: string) => `目标：${name}`,
    noTarget: '未设置改造目标',
    targetFacts: (p: ProgressResponse, coverage: string) => {
      const last = p.rows[p.rows.length - 1]
      const done = last
        ? `截至${p.asOfYear}年末累计改造 ${formatCount(last.cumulativeRenovatedOldCompounds)} 个（${coverage}）`
        : ''
      const need = p.requiredPerYear === null ? '' : `；尚需每年改造 ${formatDecimal(p.requiredPerYear)} 个`
      return `目标小区数 ${formatCount(p.targetCompounds ?? 0)} 个；${done}${need}；近三年平均每年 ${formatDecimal(p.recentPerYear)} 个。`
    },
    byYear: '逐年改造情况',
    year: '年份',
    yearRenovated: '当年改造',
    yearHouseholds: '当年受益户数',
    cumulativeRenovated: '累计改造',
    cumulativeCoverage: '累计覆盖率',
    targetCumulative: '目标累计',
    content: '改造内容（按类别）',
    category: '类别',
    items: '内容项',
    projects: '项目数',
    cost: (unit: string) => `投资（${unit}）`,
    costShare: '投资占比',
    funding: (unit: string) => `资金来源（${unit}）`,
    fundingTotal: (amount: string, unit: string, projects: number) =>
      `合计 ${amount} ${unit}，涉及项目 ${formatCount(projects)} 个`,
    total: '合计',
    buildEra: '建成年代',
    era: '年代',
    beforeCutoff: (year: number) => `${year}年前未入清单`,
    households: '户数',
    review: '待核查小区',
    reviewNote: (year: number, n: number) =>
      `${year}年及以前建成、未纳入老旧小区清单：共 ${formatCount(n)} 个`,
    reviewMore: (shown: number, n: number) =>
      `仅列出前 ${shown} 个（共 ${formatCount(n)} 个），完整清单请在统计页下载 Excel。`,
    reviewEmpty: '没有需要核查的小区。',
    name: '小区名称',
    builtYear: '建成',
    buildings: '楼栋',
    status: '改造状态',
    footerNote: (synthetic: boolean) =>
      `本报告数据于生成时从系统数据库实时计算${synthetic ? '；演示数据为合成数据，不代表实际情况' : ''}。`,
    page: (n: number, of: number) => `第 ${n} 页 / 共 ${of} 页`,
  },
  en: {
    title: 'Old-compound renovation report',
    generated: 'Generated',
    asOf: (year: number) => `Figures as of the end of ${year}`,
    changeNote: (year: number) =>
      `Arrows: change since the end of ${year}. Coverage = renovated old compounds ÷ old compounds on the register; the register has no history.`,
    coverageByStreet: 'Coverage by street',
    coverageByCommunity: 'Coverage by community',
    rankedNote: 'ranked by coverage',
    rank: '#',
    street: 'Street',
    community: 'Community',
    compounds: 'Compounds',
    oldCompounds: 'Old',
    renovated: 'Renovated',
    householdsBenefiting: 'Households benefiting',
    coverage: 'Coverage',
    overall: (share: string) => `Overall ${share}`,
    more: (n: number) => `${n} more rows not shown; download the table for all of them.`,
    progress: 'Progress against the target',
    perYear: 'Old compounds renovated in the year',
    cumulative: 'Cumulative',
    targetLine: 'Target path',
    ahead: 'to the target year',
    noRenovations: 'No renovations within the filter',
    target: (name: string) => `Target: ${name}`,
    noTarget: 'No renovation target set',
    targetFacts: (p: ProgressResponse, coverage: string) => {
      const last = p.rows[p.rows.length - 1]
      const done = last
        ? `; ${formatCount(last.cumulativeRenovatedOldCompounds)} renovated by the end of ${p.asOfYear} (${coverage})`
        : ''
      const need =
        p.requiredPerYear === null ? '' : `; ${formatDecimal(p.requiredPerYear)} a year still needed`
      return `Target: ${formatCount(p.targetCompounds ?? 0)} compounds${done}${need}; ${formatDecimal(p.recentPerYear)} a year over the last three years.`
    },
    byYear: 'Renovation by year',
    year: 'Year',
    yearRenovated: 'Renovated in the year',
    yearHouseholds: 'Households benefiting',
    cumulativeRenovated: 'Renovated, cumulative',
    cumulativeCoverage: 'Coverage, cumulative',
    targetCumulative: 'Target, cumulative',
    content: 'Renovation content by category',
    category: 'Category',
    items: 'Items',
    projects: 'Projects',
    cost: (unit: string) => `Cost (${unit})`,
    costShare: 'Share of cost',
    funding: (unit: string) => `Funding by source (${unit})`,
    fundingTotal: (amount: string, unit: string, projects: number) =>
      `Total ${amount} ${unit} over ${formatCount(projects)} projects`,
    total: 'Total',
    buildEra: 'Build era',
    era: 'Decade',
    beforeCutoff: (year: number) => `Built by ${year}, not listed`,
    households: 'Households',
    review: 'Review list',
    reviewNote: (year: number, n: number) =>
      `Built in ${year} or earlier but not on the old-compound register: ${formatCount(n)} compounds`,
    reviewMore: (shown: number, n: number) =>
      `The first ${shown} of ${formatCount(n)} are listed; download the full list as Excel from the statistics page.`,
    reviewEmpty: 'No compounds to review.',
    name: 'Compound',
    builtYear: 'Built',
    buildings: 'Bldgs',
    status: 'Renovation status',
    footerNote: (synthetic: boolean) =>
      `Figures computed from the system database when this report was generated.${synthetic ? ' Demo data: synthetic, not actual figures.' : ''}`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
}

type Words = (typeof WORDS)['zh']

/** Renders the report; the same data and generation time give the same bytes. */
export async function renderReportPdf(data: ReportData, lang: StatsLanguage): Promise<Buffer> {
  const words: Words = WORDS[lang]
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGIN,
    bufferPages: true,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    info: {
      Title: `${words.title} · ${data.filterLabel}`,
      Author: 'Renewal Atlas',
      Subject: words.title,
      Creator: 'Renewal Atlas',
      CreationDate: data.generatedAt,
      ModDate: data.generatedAt,
    },
  })
  const done = collect(doc)
  doc.registerFont(FONT.regular, notoSansSc('regular'))
  doc.registerFont(FONT.bold, notoSansSc('bold'))

  overviewPage(doc, data, words, lang)
  doc.addPage()
  progressPage(doc, data, words, lang)
  doc.addPage()
  fundingPage(doc, data, words, lang)
  footers(doc, data, words)
  doc.end()
  return done
}

function collect(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

// ---- page 1: headline figures and coverage ----

function overviewPage(doc: Pdf, data: ReportData, words: Words, lang: StatsLanguage) {
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
  summary.rows.forEach((figure, i) => {
    drawCard(doc, x + i * (cardWidth + gap), top, cardWidth, 80, {
      label: headlineLabels[figure.key][lang],
      value: formatFigureValue(figure),
      change: formatFigureChange(figure, lang),
      trend: figure.change === null || figure.change === 0 ? 'none' : figure.change > 0 ? 'up' : 'down',
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

function coverageSection(
  doc: Pdf,
  coverage: CoverageResponse,
  overall: number | null,
  top: number,
  words: Words,
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
  const ranked = rankByCoverage(coverage.rows)
  const headerHeight = 16
  // Room for a header of two lines and the note under a cut-off table.
  const room = CONTENT_BOTTOM - headingBottom - 24 - 12
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
    formatCount(row.compounds),
    formatCount(row.oldCompounds),
    formatCount(row.renovatedOldCompounds),
    formatCount(row.householdsBenefiting),
    { share: row.coverage, label: formatShare(row.coverage) },
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
      .strokeColor(COLOR.accent)
      .dash(3, { space: 2 })
      .stroke()
      .undash()
    const label = words.overall(formatShare(overall))
    text(doc, label, markX - 60, headingBottom - 12, {
      size: 7.5,
      bold: true,
      color: COLOR.accent,
      width: 120,
      align: 'center',
    })
  }
  if (shown.length < ranked.length) {
    text(doc, words.more(ranked.length - shown.length), x, table.bottom + 3, { size: 7, color: COLOR.muted })
  }
}

/** Highest coverage first; ties by more renovated, then by code, so the order never depends on the database. */
function rankByCoverage(rows: readonly CoverageRow[]): CoverageRow[] {
  return [...rows].sort(
    (a, b) =>
      b.coverage - a.coverage ||
      b.renovatedOldCompounds - a.renovatedOldCompounds ||
      a.key.localeCompare(b.key),
  )
}

// ---- page 2: progress and renovation content ----

function progressPage(doc: Pdf, data: ReportData, words: Words, lang: StatsLanguage) {
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
  words: Words,
  lang: StatsLanguage,
) {
  const unit = moneyUnit[lang].label
  let y = sectionHeading(doc, words.content, x, top, width)
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
  const rows: TableCell[][] = content.rows.map((row) => [
    name(row.key, row.name),
    formatCount(row.items),
    formatCount(row.projects),
    formatMoney(row.costYuan, lang),
    formatShare(row.costShare),
  ])
  y = drawTable(doc, x, y, columns, rows, { rowHeight: 20, fontSize: 8.5, headerHeight: 16 }).bottom + 16
  const segments = content.rows.map((row) => ({
    label: name(row.key, row.name),
    value: row.costYuan,
    color: CATEGORY_COLORS[row.key] ?? COLOR.faint,
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
function yearTable(doc: Pdf, progress: ProgressResponse, top: number, words: Words) {
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

// ---- page 3: funding, build era, review list ----

function fundingPage(doc: Pdf, data: ReportData, words: Words, lang: StatsLanguage) {
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
  words: Words,
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
  words: Words,
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
  words: Words,
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

// ---- every page ----

function runningHeader(doc: Pdf, data: ReportData, words: Words) {
  text(doc, `${words.title} · ${data.filterLabel}`, MARGIN.left, MARGIN.top - 12, {
    size: 8,
    color: COLOR.faint,
    width: CONTENT_WIDTH,
  })
}

function rule(doc: Pdf, y: number) {
  doc
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + CONTENT_WIDTH, y)
    .lineWidth(0.6)
    .strokeColor(COLOR.grid)
    .stroke()
}

/** Page number, product name and the data note on every page, drawn once all pages exist. */
function footers(doc: Pdf, data: ReportData, words: Words) {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0
    const y = PAGE.height - MARGIN.bottom - 6
    rule(doc, y - 5)
    text(doc, 'Renewal Atlas 焕新图谱', MARGIN.left, y, { size: 7, bold: true, color: COLOR.muted })
    text(doc, words.footerNote(data.synthetic), MARGIN.left + 110, y, {
      size: 7,
      color: COLOR.muted,
      width: CONTENT_WIDTH - 220,
      align: 'center',
    })
    text(doc, words.page(i - start + 1, count), MARGIN.left + CONTENT_WIDTH - 110, y, {
      size: 7,
      color: COLOR.muted,
      width: 110,
      align: 'right',
    })
  }
}
