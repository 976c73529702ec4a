// Road names along the roads, close up.
import { fonts, haloed } from '../base-style.ts'
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

export function RoadLabelsLayer() {
  return (
    <TileSource layer="roads">
      <Layer
        slot="road-labels"
        id="roads-label"
        type="symbol"
        source-layer="roads"
        minzoom={15}
        layout={{
          'symbol-placement': 'line',
          'text-field': ['coalesce', ['get', 'name'], ''],
          'text-font': fonts.regular,
          'text-size': 12,
          'text-max-angle': 30,
        }}
        paint={{ 'text-color': '#454545', ...haloed }}
      />
    </TileSource>
  )
}
