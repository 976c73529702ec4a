// Drawing primitives of the printed report: text that fits its box, tables with inline bars, cards and legends.

/** pdfkit's document, as its type package declares it globally. */
export type Pdf = PDFKit.PDFDocument

export const FONT = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold' } as const

export const COLOR = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  faint: '#8a94a6',
  grid: '#dde3ea',
  band: '#f2f5f9',
  primary: '#1d4e89',
  up: '#2e7d4f',
  down: '#b23b3b',
} as const

export type Align = 'left' | 'right' | 'center'

export interface TextStyle {
  size: number
  bold?: boolean
  color?: string
  align?: Align
  /** Box width: the text is shortened with an ellipsis to fit it, and aligned within it. */
  width?: number
}

/** One line of text with its top at y; never wraps and never adds a page. */
export function text(doc: Pdf, content: string, x: number, y: number, style: TextStyle): number {
  doc
    .font(style.bold ? FONT.bold : FONT.regular)
    .fontSize(style.size)
    .fillColor(style.color ?? COLOR.ink)
  const shown = style.width === undefined ? content : fit(doc, content, style.width)
  const width = doc.widthOfString(shown)
  let left = x
  if (style.width !== undefined && style.align === 'right') left = x + style.width - width
  if (style.width !== undefined && style.align === 'center') left = x + (style.width - width) / 2
  doc.text(shown, left, y, { lineBreak: false })
  return width
}

/** The height of a line of the current font at `size` (ascender to descender). */
export function lineHeight(doc: Pdf, size: number, bold = false): number {
  return doc
    .font(bold ? FONT.bold : FONT.regular)
    .fontSize(size)
    .currentLineHeight()
}

/** Shortens text with an ellipsis until it fits `width` in the current font. */
export function fit(doc: Pdf, content: string, width: number): string {
  if (doc.widthOfString(content) <= width) return content
  const chars = Array.from(content)
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop()
  return `${chars.join('')}…`
}

/** The largest size not above `max` at which the text fits `width`. */
export function fittingSize(doc: Pdf, content: string, width: number, max: number, bold = true): number {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(max)
  const natural = doc.widthOfString(content)
  return natural <= width ? max : Math.max(6, Math.floor((max * width) / natural))
}

export function sectionHeading(doc: Pdf, title: string, x: number, y: number, width: number, note?: string) {
  doc.rect(x, y + 2, 3, 12).fill(COLOR.primary)
  const titleWidth = text(doc, title, x + 8, y, { size: 11, bold: true, color: COLOR.ink, width: width - 8 })
  if (note) {
    text(doc, note, x + 8 + titleWidth + 8, y + 2.5, {
      size: 7.5,
      color: COLOR.muted,
      width: Math.max(0, width - titleWidth - 24),
    })
  }
  return y + 20
}

// ---- tables ----

export interface TableColumn {
  header: string
  width: number
  align?: Align
}

/** A cell drawn as a bar of `share` (0–1) with its label after it. */
export interface BarCell {
  share: number
  label: string
  color?: string
  /** The bar as parts laid end to end, each a share (0–1) of the whole track, instead of one fill. */
  segments?: readonly { share: number; color: string }[]
  /** A thin edge around the filled part, so that a pale fill still shows on white. */
  outline?: BarOutline
}

/** An edge as the screen draws it: its width in CSS pixels (a pixel is 0.75 pt). */
export interface BarOutline {
  colour: string
  opacity: number
  width: number
}

const POINTS_PER_PIXEL = 0.75

export type TableCell = string | BarCell

export interface TableStyle {
  rowHeight: number
  fontSize: number
  headerHeight?: number
  /** Bold the last row and rule it off: a totals row. */
  totalRow?: boolean
}

/** Room kept right of a bar for its label. */
const BAR_LABEL_ROOM = 58

/** Where the bar of a bar cell runs, so callers can draw reference lines on the same scale. */
export function barTrack(cellX: number, cellWidth: number): { x: number; width: number } {
  return { x: cellX + 4, width: Math.max(10, cellWidth - BAR_LABEL_ROOM - 8) }
}

/** Draws a table at (x, y) and returns the y below its header and below it, and the left edge of each column. */
export function drawTable(
  doc: Pdf,
  x: number,
  y: number,
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
  style: TableStyle,
): { headerBottom: number; bottom: number; columnX: number[] } {
  const width = columns.reduce((sum, c) => sum + c.width, 0)
  const columnX: number[] = []
  columns.reduce((left, c) => {
    columnX.push(left)
    return left + c.width
  }, x)
  const pad = 3
  // Headers wrap onto a second line rather than being cut: English headers run long.
  const headerSize = style.fontSize - 0.5
  doc.font(FONT.bold).fontSize(headerSize)
  const headerWrap = (column: TableColumn) => ({
    width: column.width - 2 * pad,
    align: column.align ?? 'left',
  })
  const headerHeights = columns.map((column) => doc.heightOfString(column.header, headerWrap(column)))
  const headerHeight = Math.max(style.headerHeight ?? style.rowHeight, Math.max(...headerHeights) + 5)

  doc.rect(x, y, width, headerHeight).fill(COLOR.band)
  doc.font(FONT.bold).fontSize(headerSize).fillColor(COLOR.muted)
  columns.forEach((column, i) => {
    const top = y + (headerHeight - (headerHeights[i] ?? 0)) / 2
    doc.text(column.header, (columnX[i] ?? x) + pad, top, headerWrap(column))
  })
  let top = y + headerHeight
  rows.forEach((row, r) => {
    const isTotal = style.totalRow === true && r === rows.length - 1
    if (isTotal)
      doc
        .moveTo(x, top)
        .lineTo(x + width, top)
        .lineWidth(0.8)
        .strokeColor(COLOR.faint)
        .stroke()
    const textTop = top + (style.rowHeight - lineHeight(doc, style.fontSize, isTotal)) / 2
    row.forEach((cell, i) => {
      const column = columns[i]
      const left = columnX[i]
      if (!column || left === undefined) return
      if (typeof cell === 'string') {
        text(doc, cell, left + pad, textTop, {
          size: style.fontSize,
          bold: isTotal,
          width: column.width - 2 * pad,
          align: column.align ?? 'left',
        })
        return
      }
      const track = barTrack(left, column.width)
      const barHeight = Math.min(10, style.rowHeight * 0.55)
      const barTop = top + (style.rowHeight - barHeight) / 2
      doc.rect(track.x, barTop, track.width, barHeight).fill(COLOR.band)
      const parts = cell.segments ?? [{ share: cell.share, color: cell.color ?? COLOR.primary }]
      let filled = 0
      for (const part of parts) {
        const partWidth = Math.min(track.width * Math.min(1, Math.max(0, part.share)), track.width - filled)
        if (partWidth > 0) doc.rect(track.x + filled, barTop, partWidth, barHeight).fill(part.color)
        filled += Math.max(0, partWidth)
      }
      if (cell.outline && filled > 0) {
        doc.save()
        doc
          .rect(track.x, barTop, filled, barHeight)
          .lineWidth(cell.outline.width * POINTS_PER_PIXEL)
          .strokeColor(cell.outline.colour, cell.outline.opacity)
          .stroke()
        doc.restore()
      }
      text(doc, cell.label, track.x + track.width + 5, textTop, {
        size: style.fontSize,
        bold: true,
        width: BAR_LABEL_ROOM - 2,
      })
    })
    top += style.rowHeight
    if (!isTotal && r < rows.length - 1) {
      doc
        .moveTo(x, top)
        .lineTo(x + width, top)
        .lineWidth(0.4)
        .strokeColor(COLOR.grid)
        .stroke()
    }
  })
  doc
    .moveTo(x, top)
    .lineTo(x + width, top)
    .lineWidth(0.6)
    .strokeColor(COLOR.faint)
    .stroke()
  return { headerBottom: y + headerHeight, bottom: top, columnX }
}

// ---- headline card ----

export interface Card {
  label: string
  value: string
  change: string
  /** Up, down or no change, for the colour of the change line. */
  trend: 'up' | 'down' | 'none'
}

export function drawCard(doc: Pdf, x: number, y: number, width: number, height: number, card: Card) {
  doc.roundedRect(x, y, width, height, 4).fill(COLOR.band)
  doc.rect(x, y, width, 2.5).fill(COLOR.primary)
  const inner = width - 16
  // Up to two lines of label: English labels are long.
  doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted)
  const oneLine = doc.currentLineHeight()
  doc.text(card.label, x + 8, y + 8, { width: inner, height: oneLine * 2, ellipsis: true, lineGap: -1 })
  const size = fittingSize(doc, card.value, inner, 21)
  text(doc, card.value, x + 8, y + 31 + (21 - size) / 2, { size, bold: true, color: COLOR.ink, width: inner })
  const color = card.trend === 'up' ? COLOR.up : card.trend === 'down' ? COLOR.down : COLOR.muted
  text(doc, card.change, x + 8, y + height - 17, { size: 7.5, color, width: inner })
}

// ---- legend ----

export interface LegendItem {
  label: string
  color: string
  mark: 'box' | 'line' | 'dash' | 'dot'
  /** A thin edge around a box, so that a pale fill still shows on white. */
  outline?: BarOutline
}

/** A one-line legend starting at (x, y); returns its width. */
export function drawLegend(doc: Pdf, x: number, y: number, items: readonly LegendItem[], size = 7.5): number {
  let left = x
  const middle = y + lineHeight(doc, size) / 2
  for (const item of items) {
    if (item.mark === 'box') {
      doc.rect(left, middle - 3.5, 9, 7).fill(item.color)
      if (item.outline) {
        doc.save()
        doc
          .rect(left, middle - 3.5, 9, 7)
          .lineWidth(item.outline.width * POINTS_PER_PIXEL)
          .strokeColor(item.outline.colour, item.outline.opacity)
          .stroke()
        doc.restore()
      }
    } else {
      doc
        .moveTo(left, middle)
        .lineTo(left + 14, middle)
        .lineWidth(1.6)
        .strokeColor(item.color)
      if (item.mark === 'dash') doc.dash(3, { space: 2 })
      if (item.mark === 'dot') doc.dash(1.2, { space: 2.2 })
      doc.stroke().undash()
    }
    left += item.mark === 'box' ? 12 : 17
    left += text(doc, item.label, left, y, { size, color: COLOR.muted }) + 12
  }
  return left - x
}
