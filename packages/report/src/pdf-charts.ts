// Charts of the printed report drawn with vector primitives: progress against the target, shares as one bar.
// The progress colours are the dashboard's (the domain's progressPalette).
import { type ProgressResponse, progressPalette } from '@renewal-atlas/domain'
import { formatCount } from './format.ts'
import { COLOR, drawLegend, FONT, type LegendItem, type Pdf, text } from './pdf-draw.ts'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface ProgressChartText {
  perYear: string
  cumulative: string
  target: string
  /** Label of the shaded years between the data and the target year. */
  ahead: string
  empty: string
}

/** At most this many years past the data are drawn to reach the target year. */
const MAX_YEARS_AHEAD = 10

/**
 * Old compounds renovated per year (bars), cumulative (line) and the target line (dashed), on one axis so
 * the bars read in the same units as the line. Years between the data and the target year are shaded.
 */
export function drawProgressChart(doc: Pdf, box: Box, progress: ProgressResponse, words: ProgressChartText) {
  const { rows, target, targetCompounds } = progress
  const first = rows[0]
  if (!first) {
    text(doc, words.empty, box.x, box.y + box.height / 2, { size: 9, color: COLOR.muted, width: box.width })
    return
  }
  const lastDataYear = rows[rows.length - 1]?.year ?? first.year
  const reach =
    target &&
    targetCompounds !== null &&
    target.year > lastDataYear &&
    target.year - lastDataYear <= MAX_YEARS_AHEAD
      ? target.year
      : lastDataYear
  const years = Array.from({ length: reach - first.year + 1 }, (_, i) => first.year + i)
  const byYear = new Map(rows.map((row) => [row.year, row]))
  /** The same straight line the API draws: 0 at the year before the first row, the target at its year. */
  const targetLine = (year: number): number | null => {
    const row = byYear.get(year)
    if (row) return row.targetCumulative
    if (!target || targetCompounds === null || year > target.year) return null
    return (targetCompounds * (year - (first.year - 1))) / (target.year - (first.year - 1))
  }

  const legend: LegendItem[] = [
    { label: words.perYear, color: progressPalette.perYear, mark: 'box' },
    { label: words.cumulative, color: progressPalette.cumulative, mark: 'line' },
    ...(target ? [{ label: words.target, color: progressPalette.target, mark: 'dash' as const }] : []),
  ]
  drawLegend(doc, box.x + 34, box.y, legend)

  const plot = {
    left: box.x + 34,
    right: box.x + box.width - 6,
    top: box.y + 22,
    bottom: box.y + box.height - 16,
  }
  const highest = Math.max(
    ...rows.map((r) => Math.max(r.cumulativeRenovatedOldCompounds, r.renovatedOldCompounds)),
    ...years.map((y) => targetLine(y) ?? 0),
    1,
  )
  const scale = niceScale(highest)
  const yOf = (value: number) => plot.bottom - ((plot.bottom - plot.top) * value) / scale.top
  const slot = (plot.right - plot.left) / years.length
  const xOf = (year: number) => plot.left + slot * (year - first.year + 0.5)

  if (reach > lastDataYear) {
    const shadeLeft = plot.left + slot * (lastDataYear - first.year + 1)
    doc.rect(shadeLeft, plot.top, plot.right - shadeLeft, plot.bottom - plot.top).fill('#f7f3ee')
    text(doc, words.ahead, shadeLeft + 4, plot.top + 2, {
      size: 7,
      color: COLOR.faint,
      width: plot.right - shadeLeft - 8,
    })
  }
  for (let tick = 0; tick <= scale.top + 1e-9; tick += scale.step) {
    const y = yOf(tick)
    doc.moveTo(plot.left, y).lineTo(plot.right, y).lineWidth(0.4).strokeColor(COLOR.grid).stroke()
    text(doc, formatCount(tick), box.x, y - 4.5, { size: 7, color: COLOR.faint, width: 30, align: 'right' })
  }

  const barWidth = Math.min(26, slot * 0.56)
  doc.font(FONT.regular).fontSize(6.5)
  for (const row of rows) {
    const top = yOf(row.renovatedOldCompounds)
    if (row.renovatedOldCompounds > 0) {
      doc.rect(xOf(row.year) - barWidth / 2, top, barWidth, plot.bottom - top).fill(progressPalette.perYear)
    }
    if (slot >= 16) {
      text(doc, formatCount(row.renovatedOldCompounds), xOf(row.year) - slot / 2, top - 10, {
        size: 6.5,
        color: progressPalette.perYearText,
        width: slot,
        align: 'center',
      })
    }
  }

  const targetPoints = years.flatMap((year) => {
    const value = targetLine(year)
    return value === null ? [] : [[xOf(year), yOf(value)] as const]
  })
  polyline(doc, targetPoints, progressPalette.target, 1.4, true)
  const targetEnd = targetPoints[targetPoints.length - 1]
  if (targetEnd && targetCompounds !== null) {
    text(doc, formatCount(targetCompounds), targetEnd[0] - 40, targetEnd[1] - 12, {
      size: 7.5,
      bold: true,
      color: progressPalette.target,
      width: 46,
      align: 'right',
    })
  }

  const cumulative = rows.map((row) => [xOf(row.year), yOf(row.cumulativeRenovatedOldCompounds)] as const)
  polyline(doc, cumulative, progressPalette.cumulative, 2, false)
  for (const [x, y] of cumulative) doc.circle(x, y, 2).fill(progressPalette.cumulative)
  const last = rows[rows.length - 1]
  const lastPoint = cumulative[cumulative.length - 1]
  if (last && lastPoint) {
    text(doc, formatCount(last.cumulativeRenovatedOldCompounds), lastPoint[0] - 23, lastPoint[1] - 14, {
      size: 8,
      bold: true,
      color: progressPalette.cumulative,
      width: 46,
      align: 'center',
    })
  }

  doc
    .moveTo(plot.left, plot.bottom)
    .lineTo(plot.right, plot.bottom)
    .lineWidth(0.8)
    .strokeColor(COLOR.faint)
    .stroke()
  const every = slot < 22 ? Math.ceil(22 / slot) : 1
  years.forEach((year, i) => {
    if (i % every !== 0 && year !== reach) return
    text(doc, String(year), xOf(year) - 20, plot.bottom + 3, {
      size: 7,
      color: COLOR.muted,
      width: 40,
      align: 'center',
    })
  })
}

function polyline(
  doc: Pdf,
  points: readonly (readonly [number, number])[],
  color: string,
  width: number,
  dashed: boolean,
) {
  const [start, ...rest] = points
  if (!start || rest.length === 0) return
  doc.moveTo(start[0], start[1])
  for (const [x, y] of rest) doc.lineTo(x, y)
  doc.lineWidth(width).strokeColor(color).lineJoin('round')
  if (dashed) doc.dash(4, { space: 3 })
  doc.stroke().undash()
}

/** An axis top and tick step at 1, 2, 2.5 or 5 times a power of ten, about five ticks. */
export function niceScale(highest: number, ticks = 5): { top: number; step: number } {
  const rough = Math.max(highest, 1) / ticks
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power
  return { top: Math.ceil(highest / step) * step || step, step }
}

export interface ShareSegment {
  label: string
  value: number
  color: string
}

/** One horizontal bar split into segments by share of the total, with the share printed inside where it fits. */
export function drawShareBar(doc: Pdf, box: Box, segments: readonly ShareSegment[]) {
  const total = segments.reduce((sum, s) => sum + Math.max(0, s.value), 0)
  doc.rect(box.x, box.y, box.width, box.height).fill(COLOR.band)
  if (total <= 0) return
  let left = box.x
  for (const segment of segments) {
    const width = (box.width * Math.max(0, segment.value)) / total
    if (width <= 0) continue
    doc.rect(left, box.y, width, box.height).fill(segment.color)
    const share = `${((100 * segment.value) / total).toFixed(1)}%`
    doc.font(FONT.bold).fontSize(7)
    if (doc.widthOfString(share) + 6 <= width) {
      text(doc, share, left, box.y + (box.height - 10) / 2, {
        size: 7,
        bold: true,
        color: '#ffffff',
        width,
        align: 'center',
      })
    }
    left += width
  }
}
