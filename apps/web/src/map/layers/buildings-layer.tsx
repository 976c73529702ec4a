// Buildings (楼栋) from their tiles, close up.
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

export function BuildingsLayer() {
  return (
    <TileSource layer="buildings">
      <Layer
        id="buildings-fill"
        type="fill"
        source-layer="buildings"
        minzoom={14}
        paint={{ 'fill-color': '#5f5a52', 'fill-opacity': 0.55, 'fill-outline-color': '#3d3a35' }}
      />
    </TileSource>
  )
}
