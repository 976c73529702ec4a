// Which areas of a small ECharts choropleth get their name written: ECharts draws every region's label at the
// region's centre and its `labelLayout.hideOverlap` does not reach map series, so the small streets in the north
// wrote over each other. Each area gets a label point (its largest polygon's centroid, handed to ECharts as `cp`),
// and labels are placed largest area first, skipping any that would overlap one already placed.
import type { Geometry, Position } from 'geojson'

export interface LabelledArea {
  code: string
  name: string
  geometry: Geometry
}

export interface AreaLabel {
  code: string
  /** Where ECharts writes the name: [lon, lat]. */
  point: [number, number]
  /** The area's size in square degrees, for placing the largest first. */
  size: number
}

/** How ECharts lays the map out (coverageMapOption): its aspect, its share of the box and the label font size. */
export interface MapLabelLayout {
  aspectScale: number
  /** The map's size as a share of the smaller side of the chart. */
  layoutShare: number
  fontSize: number
  /** The halo drawn around each label, in pixels, on each side. */
  halo: number
}

function ringArea(ring: readonly Position[]): number {
  let twice = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? []
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? []
    twice += x1 * y2 - x2 * y1
  }
  return twice / 2
}

function ringCentroid(ring: readonly Position[]): [number, number] {
  const area = ringArea(ring)
  if (area === 0) return [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0]
  let cx = 0
  let cy = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? []
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? []
    const cross = x1 * y2 - x2 * y1
    cx += (x1 + x2) * cross
    cy += (y1 + y2) * cross
  }
  return [cx / (6 * area), cy / (6 * area)]
}

/** The label point and size of an area: the centroid of its largest polygon's outer ring. */
export function areaLabel(area: LabelledArea): AreaLabel | null {
  const polygons =
    area.geometry.type === 'Polygon'
      ? [area.geometry.coordinates]
      : area.geometry.type === 'MultiPolygon'
        ? area.geometry.coordinates
        : []
  const outers = polygons.flatMap((polygon) => (polygon[0] ? [polygon[0]] : []))
  const sized = outers.map((ring) => ({ ring, size: Math.abs(ringArea(ring)) }))
  const largest = sized.sort((a, b) => b.size - a.size)[0]
  if (!largest) return null
  return {
    code: area.code,
    point: ringCentroid(largest.ring),
    size: sized.reduce((sum, s) => sum + s.size, 0),
  }
}

/** A label's width in pixels: a CJK character is as wide as the font is high, others about 0.6 of it. */
export function labelWidth(name: string, fontSize: number): number {
  let width = 0
  for (const char of name)
    width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? fontSize : 0.6 * fontSize
  return width
}

/**
 * The codes whose names fit without overlapping another label, for a chart whose smaller side is `boxPixels`:
 * the largest areas first. ECharts fits the areas' extent (its width scaled by `aspectScale`) into a square of
 * `layoutShare` of that side, which gives the pixels per degree.
 */
export function chooseMapLabels(
  areas: readonly LabelledArea[],
  boxPixels: number,
  layout: MapLabelLayout,
): Set<string> {
  const labels = areas.flatMap((area) => {
    const label = areaLabel(area)
    return label ? [{ ...label, name: area.name }] : []
  })
  if (labels.length === 0) return new Set()
  const extent = areas.flatMap((area) => positionsOf(area.geometry))
  const lons = extent.map((p) => p[0] ?? 0)
  const lats = extent.map((p) => p[1] ?? 0)
  const width = (Math.max(...lons) - Math.min(...lons)) * layout.aspectScale
  const height = Math.max(...lats) - Math.min(...lats)
  const pixelsPerUnit = (boxPixels * layout.layoutShare) / Math.max(width, height, Number.EPSILON)
  const placed: { left: number; right: number; top: number; bottom: number }[] = []
  const chosen = new Set<string>()
  for (const label of [...labels].sort((a, b) => b.size - a.size || (a.code < b.code ? -1 : 1))) {
    const x = label.point[0] * layout.aspectScale * pixelsPerUnit
    const y = -label.point[1] * pixelsPerUnit
    const halfWidth = labelWidth(label.name, layout.fontSize) / 2 + layout.halo
    const halfHeight = (layout.fontSize * 1.3) / 2 + layout.halo
    const box = { left: x - halfWidth, right: x + halfWidth, top: y - halfHeight, bottom: y + halfHeight }
    const overlaps = placed.some(
      (other) =>
        box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom,
    )
    if (overlaps) continue
    placed.push(box)
    chosen.add(label.code)
  }
  return chosen
}

function positionsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'Polygon') return geometry.coordinates.flat()
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2)
  return []
}
