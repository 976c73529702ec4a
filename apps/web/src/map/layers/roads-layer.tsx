// Roads from their tiles: each drawn as wide as its red line (道路红线) on the ground, in white with a grey edge
// that is darker for a higher class, as basemaps draw roads, so that colour is left to the compounds' status; the
// road under the pointer is reported for a tooltip.
import { roadClass } from '@renewal-atlas/domain'
import type { ExpressionSpecification, MapLayerMouseEvent } from 'maplibre-gl'
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

/** The road's surface by class: white, lanes a shade off white. */
export const roadColours: Readonly<Record<string, string>> = {
  arterial: '#FFFFFF',
  secondary: '#FFFFFF',
  branch: '#FFFFFF',
  lane: '#F8F7F4',
}

/** The road's edge by class: a neutral grey, darker for a higher class. */
export const roadCasingColours: Readonly<Record<string, string>> = {
  arterial: '#9E9A92',
  secondary: '#B1ADA5',
  branch: '#C6C2BA',
  lane: '#D3D0C9',
}

/** The edge adds this many pixels to the road's width (half on each side). */
const casingPixels = 1.5

/** Metres per pixel at zoom 0 at Chengdu's latitude (about 30.6°N), for widths drawn to scale. */
const metresPerPixelAtZoom0 = 156_543.03 * Math.cos((30.6 * Math.PI) / 180)

/** A road drawn as wide as its red line on the ground, and never thinner than a hairline, plus `extra` pixels. */
function redLineWidth(extra = 0): ExpressionSpecification {
  const width: ExpressionSpecification = ['coalesce', ['get', 'redLineWidthM'], 6]
  const at = (zoom: number): ExpressionSpecification => [
    '+',
    ['max', 0.6, ['/', width, metresPerPixelAtZoom0 / 2 ** zoom]],
    extra,
  ]
  return ['interpolate', ['exponential', 2], ['zoom'], 10, at(10), 19, at(19)]
}

function byClass(colours: Readonly<Record<string, string>>, fallback: string): ExpressionSpecification {
  const pairs = roadClass.values.flatMap((cls) => [cls, colours[cls] ?? fallback])
  return ['match', ['get', 'roadClass'], ...pairs, fallback] as unknown as ExpressionSpecification
}

export interface RoadHover {
  /** Pixel position in the map container. */
  x: number
  y: number
  name: string | null
  roadClass: string | null
  redLineWidthM: number | null
  carriagewayWidthM: number | null
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function hoverOf(event: MapLayerMouseEvent): RoadHover {
  const properties = event.features?.[0]?.properties ?? {}
  return {
    x: event.point.x,
    y: event.point.y,
    name: stringOrNull(properties.name),
    roadClass: stringOrNull(properties.roadClass),
    redLineWidthM: numberOrNull(properties.redLineWidthM),
    carriagewayWidthM: numberOrNull(properties.carriagewayWidthM),
  }
}

export function RoadsLayer({ onHover }: { onHover?: (road: RoadHover | null) => void }) {
  return (
    <TileSource layer="roads">
      <Layer
        slot="roads"
        id="roads-casing"
        type="line"
        source-layer="roads"
        layout={{ 'line-cap': 'round', 'line-join': 'round' }}
        paint={{
          'line-color': byClass(roadCasingColours, '#C6C2BA'),
          'line-width': redLineWidth(casingPixels),
        }}
      />
      <Layer
        slot="roads"
        id="roads-line"
        type="line"
        source-layer="roads"
        layout={{ 'line-cap': 'round', 'line-join': 'round' }}
        paint={{ 'line-color': byClass(roadColours, '#FFFFFF'), 'line-width': redLineWidth() }}
        {...(onHover
          ? { onMouseMove: (event) => onHover(hoverOf(event)), onMouseLeave: () => onHover(null) }
          : {})}
      />
    </TileSource>
  )
}
