// The community, street and district outlines from their tiles, drawn over the compounds.
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

export function BoundaryLinesLayer() {
  return (
    <>
      <TileSource layer="communities">
        <Layer
          slot="boundary-lines"
          id="communities-line"
          type="line"
          source-layer="communities"
          paint={{ 'line-color': '#6b6b6b', 'line-width': 0.8, 'line-dasharray': [3, 2] }}
        />
      </TileSource>
      <TileSource layer="streets">
        <Layer
          slot="boundary-lines"
          id="streets-line"
          type="line"
          source-layer="streets"
          paint={{ 'line-color': '#3a3a3a', 'line-width': 1.6 }}
        />
      </TileSource>
      <TileSource layer="district">
        <Layer
          slot="boundary-lines"
          id="district-line"
          type="line"
          source-layer="district"
          paint={{ 'line-color': '#1d3557', 'line-width': 3 }}
        />
      </TileSource>
    </>
  )
}
