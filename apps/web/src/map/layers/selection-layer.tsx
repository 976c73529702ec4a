// The chosen compound's outline, drawn over everything but the labels.
import type { FilterSpecification } from 'maplibre-gl'
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

/** A filter that matches no feature: compound ids are positive. */
const noSelection: FilterSpecification = ['==', ['id'], -1]

export function SelectionLayer({ compoundId }: { compoundId: number | null }) {
  return (
    <TileSource layer="compounds">
      <Layer
        slot="selection"
        id="compounds-selected"
        type="line"
        source-layer="compounds"
        filter={compoundId === null ? noSelection : ['==', ['id'], compoundId]}
        paint={{ 'line-color': '#000000', 'line-width': 3.5 }}
      />
    </TileSource>
  )
}
