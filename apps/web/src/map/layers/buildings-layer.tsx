// Buildings (楼栋) from their tiles, close up. The planner's compound filters apply to them too: each building
// carries its compound's fields in its tile, so a compound the filters hide takes its buildings with it.
import type { FilterSpecification } from 'maplibre-gl'
import {
  buildingCompoundProperties,
  type CompoundFilters,
  compoundFilterExpression,
} from '../compound-filter.ts'
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

export function BuildingsLayer({ filters = {} }: { filters?: CompoundFilters }) {
  const filter = compoundFilterExpression(filters, buildingCompoundProperties) as FilterSpecification | null
  return (
    <TileSource layer="buildings">
      <Layer
        slot="buildings"
        id="buildings-fill"
        type="fill"
        source-layer="buildings"
        minzoom={14}
        {...(filter ? { filter } : {})}
        paint={{ 'fill-color': '#5f5a52', 'fill-opacity': 0.55, 'fill-outline-color': '#3d3a35' }}
      />
    </TileSource>
  )
}
