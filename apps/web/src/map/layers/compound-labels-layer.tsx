// Compound names, close up, narrowed by the planner's filters like the compounds themselves.
import type { FilterSpecification } from 'maplibre-gl'
import { fonts, haloed } from '../base-style.ts'
import { type CompoundFilters, compoundFilterExpression } from '../compound-filter.ts'
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

/** From one point per compound: a label layer on the polygons would name every tile piece of a compound. The
 * label points carry every property the filters read. */
export function CompoundLabelsLayer({ filters = {} }: { filters?: CompoundFilters }) {
  const filter = compoundFilterExpression(filters) as FilterSpecification | null
  return (
    <TileSource layer="compound-labels">
      <Layer
        slot="compound-labels"
        id="compounds-label"
        type="symbol"
        source-layer="compound-labels"
        minzoom={15.5}
        {...(filter ? { filter } : {})}
        layout={{ 'text-field': ['get', 'name'], 'text-font': fonts.regular, 'text-size': 12 }}
        paint={{ 'text-color': '#1a1a1a', ...haloed }}
      />
    </TileSource>
  )
}
