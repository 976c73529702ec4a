// Charts of the printed report drawn with vector primitives: progress against the target, shares as one bar.
// The progress colours and lines are the dashboard's (the domain's progressPalette and progressChartLines).
import {
  type NumberFormat,
  type ProgressChartWords,
  type ProgressResponse,
  progressChartLines,
  progressPalette,
} from '@renewal-atlas/domain'
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
  /** Label of the shaded years after the data. */
  ahead: string
  empty: string
  /** The target path, the projection and the gap today: the domain's words, the dashboard's too. */
  chart: ProgressChartWords
  numbers: NumberFormat
}

/**
 * Old compounds renovated per year (bars), cumulative (line), the straight-line target path (dashed) and the
 * cumulative at the recent pace (dotted), on one axis so the bars read in the same units as the lines, with the
 * gap to the path in the last year bracketed. Years after the data are shaded.
 */
export function drawProgressChart(doc: Pdf, box: Box, progress: ProgressResponse, words: ProgressChartText) {
  const { rows, target, targetCompounds, outlook } = progress
  const first = rows[0]
  if (!first) {
    text(doc, words.empty, box.x, box.y + box.height / 2, { size: 9, color: COLOR.muted, width: box.width })
    return
  }
  const format = words.numbers
  const lines = progressChartLines(progress)
  const { years, lastDataYear } = lines
  const reach = years[years.length - 1] ?? lastDataYear
  const byYear = new Map(rows.map((row) => [row.year, row]))
  const hasPath = lines.path.some((v) => v !== null)
  const hasProjection = lines.projection.some((v) => v !== null)

  const legend: LegendItem[] = [
    { label: words.perYear, color: progressPalette.perYear, mark: 'box' },
    { label: words.cumulative, color: progressPalette.cumulative, mark: 'line' },
    ...(hasPath ? [{ label: words.chart.path, color: progressPalette.target, mark: 'dash' as const }] : []),
    ...(hasProjection
      ? [{ label: words.chart.projection, color: progressPalette.projection, mark: 'dot' as const }]
      : []),
  ]
  drawLegend(doc, box.x + 34, box.y, legend)

  const plot = {
    left: box.x + 34,
    right: box.x + box.width - 30,
    top: box.y + 22,
    bottom: box.y + box.height - 16,
  }
  const highest = Math.max(
    ...rows.map((r) => Math.max(r.cumulativeRenovatedOldCompounds, r.renovatedOldCompounds)),
    ...lines.path.map((v) => v ?? 0),
    ...lines.projection.map((v) => v ?? 0),
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
    text(doc, format.count(tick), box.x, y - 4.5, { size: 7, color: COLOR.faint, width: 30, align: 'right' })
  }

  const barWidth = Math.min(26, slot * 0.56)
  doc.font(FONT.regular).fontSize(6.5)
  for (const row of rows) {
    const top = yOf(row.renovatedOldCompounds)
    if (row.renovatedOldCompounds > 0) {
      doc.rect(xOf(row.year) - barWidth / 2, top, barWidth, plot.bottom - top).fill(progressPalette.perYear)
    }
    if (slot >= 16) {
      text(doc, format.count(row.renovatedOldCompounds), xOf(row.year) - slot / 2, top - 10, {
        size: 6.5,
        color: progressPalette.perYearText,
        width: slot,
        align: 'center',
      })
    }
  }

  const pointsOf = (values: readonly (number | null)[]) =>
    years.flatMap((year, i) => {
      const value = values[i]
      return value === null || value === undefined ? [] : [[xOf(year), yOf(value)] as const]
    })
  const targetPoints = pointsOf(lines.path)
  polyline(doc, targetPoints, progressPalette.target, 1.4, 'dashed')
  const targetEnd = targetPoints[targetPoints.length - 1]
  if (target && targetEnd && targetCompounds !== null) {
    text(doc, format.count(targetCompounds), targetEnd[0] - 40, targetEnd[1] - 12, {
      size: 7.5,
      bold: true,
      color: progressPalette.target,
      width: 46,
      align: 'right',
    })
  }

  const projectionPoints = pointsOf(lines.projection)
  polyline(doc, projectionPoints, progressPalette.projection, 1.4, 'dotted')

  const cumulative = rows.map((row) => [xOf(row.year), yOf(row.cumulativeRenovatedOldCompounds)] as const)
  polyline(doc, cumulative, progressPalette.cumulative, 2, 'solid')
  for (const [x, y] of cumulative) doc.circle(x, y, 2).fill(progressPalette.cumulative)
  const last = byYear.get(lastDataYear)
  const lastPoint = cumulative[cumulative.length - 1]
  if (last && lastPoint) {
    // Clear of the line coming in from the left and of the bracket to the path: under the point and to its
    // right when the path is above, over it otherwise.
    const behind = outlook.standing === 'behind'
    const label = format.count(last.cumulativeRenovatedOldCompounds)
    text(doc, label, behind ? lastPoint[0] + 3 : lastPoint[0] - 23, lastPoint[1] + (behind ? 3 : -14), {
      size: 8,
      bold: true,
      color: progressPalette.cumulative,
      width: 46,
      align: behind ? 'left' : 'center',
    })
  }

  // The gap to the path in the last year with data: a bracket from the count to the path, labelled.
  const pathToday = lines.path[years.indexOf(lastDataYear)]
  if (lastPoint && pathToday != null && outlook.standing !== null && outlook.gapToPath !== null) {
    const x = lastPoint[0] + 6
    const pathY = yOf(pathToday)
    doc.moveTo(x, lastPoint[1]).lineTo(x, pathY).lineWidth(1.2).strokeColor(progressPalette.target).stroke()
    for (const y of [lastPoint[1], pathY]) {
      doc
        .moveTo(x - 2.5, y)
        .lineTo(x + 2.5, y)
        .lineWidth(1.2)
        .strokeColor(progressPalette.target)
        .stroke()
    }
    text(doc, words.chart.gap(outlook.gapToPath, outlook.standing), x + 4, (lastPoint[1] + pathY) / 2 - 5, {
      size: 7.5,
      bold: true,
      color: progressPalette.target,
      width: 60,
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
  style: 'solid' | 'dashed' | 'dotted',
) {
  const [start, ...rest] = points
  if (!start || rest.length === 0) return
  doc.moveTo(start[0], start[1])
  for (const [x, y] of rest) doc.lineTo(x, y)
  doc.lineWidth(width).strokeColor(color).lineJoin('round')
  if (style === 'dashed') doc.dash(4, { space: 3 })
  if (style === 'dotted') doc.dash(1.2, { space: 2.2 })
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
export function drawShareBar(
  doc: Pdf,
  box: Box,
  segments: readonly ShareSegment[],
  percent: (share: number) => string,
) {
  const total = segments.reduce((sum, s) => sum + Math.max(0, s.value), 0)
  doc.rect(box.x, box.y, box.width, box.height).fill(COLOR.band)
  if (total <= 0) return
  let left = box.x
  for (const segment of segments) {
    const width = (box.width * Math.max(0, segment.value)) / total
    if (width <= 0) continue
    doc.rect(left, box.y, width, box.height).fill(segment.color)
    const share = percent(segment.value / total)
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
