// The district's pale fill from its tiles, at the bottom of the map.
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

export function BoundaryFillLayer() {
  return (
    <TileSource layer="district">
      <Layer
        id="district-fill"
        type="fill"
        source-layer="district"
        paint={{ 'fill-color': '#ffffff', 'fill-opacity': 0.7 }}
      />
    </TileSource>
  )
}
