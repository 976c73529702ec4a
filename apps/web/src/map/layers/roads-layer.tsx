// Roads from their tiles: each drawn as wide as its red line (道路红线) on the ground, coloured by class, with the
// road under the pointer reported for a tooltip.
import { roadClass } from '@renewal-atlas/domain'
import type { ExpressionSpecification, MapLayerMouseEvent } from 'maplibre-gl'
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

const roadColours: Record<string, string> = {
  arterial: '#E8A33C',
  secondary: '#F2C95C',
  branch: '#FFFFFF',
  lane: '#FFFFFF',
}

/** Metres per pixel at zoom 0 at Chengdu's latitude (about 30.6°N), for widths drawn to scale. */
const metresPerPixelAtZoom0 = 156_543.03 * Math.cos((30.6 * Math.PI) / 180)

/** A road drawn as wide as its red line on the ground, and never thinner than a hairline. */
function redLineWidth(): ExpressionSpecification {
  const width: ExpressionSpecification = ['coalesce', ['get', 'redLineWidthM'], 6]
  const at = (zoom: number): ExpressionSpecification => [
    'max',
    0.6,
    ['/', width, metresPerPixelAtZoom0 / 2 ** zoom],
  ]
  return ['interpolate', ['exponential', 2], ['zoom'], 10, at(10), 19, at(19)]
}

function roadColour(): ExpressionSpecification {
  const pairs = roadClass.values.flatMap((cls) => [cls, roadColours[cls] ?? '#ffffff'])
  return ['match', ['get', 'roadClass'], ...pairs, '#ffffff'] as unknown as ExpressionSpecification
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
        id="roads-line"
        type="line"
        source-layer="roads"
        layout={{ 'line-cap': 'round', 'line-join': 'round' }}
        paint={{ 'line-color': roadColour(), 'line-width': redLineWidth() }}
        {...(onHover
          ? { onMouseMove: (event) => onHover(hoverOf(event)), onMouseLeave: () => onHover(null) }
          : {})}
      />
    </TileSource>
  )
}
