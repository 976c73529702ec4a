// The district's ground from its tiles, at the bottom of the map (outside it, the base style's darker paper).
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

/** The ground inside the district: light and neutral, a step darker than the white roads drawn on it. */
export const districtGround = '#F1EFEA'

export function BoundaryFillLayer() {
  return (
    <TileSource layer="district">
      <Layer
        slot="boundary-fill"
        id="district-fill"
        type="fill"
        source-layer="district"
        paint={{ 'fill-color': districtGround }}
      />
    </TileSource>
  )
}
