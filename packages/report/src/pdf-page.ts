// The page of the printed report: A4 landscape geometry, and what every page carries (running header, rules, footer).
import type { ReportData } from './pdf-data.ts'
import { COLOR, type Pdf, text } from './pdf-draw.ts'
import type { ReportWords } from './pdf-words.ts'

export const PAGE = { width: 841.89, height: 595.28 }
export const MARGIN = { top: 30, bottom: 30, left: 36, right: 36 }
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
/** Everything above this line; the footer sits below it. */
export const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom - 14

/** The title and filter in small type at the top of pages 2 and 3. */
export function runningHeader(doc: Pdf, data: ReportData, words: ReportWords) {
  text(doc, `${words.title} · ${data.filterLabel}`, MARGIN.left, MARGIN.top - 12, {
    size: 8,
    color: COLOR.faint,
    width: CONTENT_WIDTH,
  })
}

export function rule(doc: Pdf, y: number) {
  doc
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + CONTENT_WIDTH, y)
    .lineWidth(0.6)
    .strokeColor(COLOR.grid)
    .stroke()
}

/** Page number, product name and the data note on every page, drawn once all pages exist. */
export function footers(doc: Pdf, data: ReportData, words: ReportWords) {
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
