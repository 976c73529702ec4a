// The compounds from their tiles, coloured by the theme (status, build era, households) and narrowed by the
// planner's filters at once (a style filter, no new tiles). Over a coverage choropleth the compounds stay as light
// outlines, so the areas' colours read.
import type { FilterSpecification } from 'maplibre-gl'
import {
  type CompoundThemeId,
  classFillColour,
  compoundThemeClasses,
  statusClasses,
  type ThemeId,
} from '../compound-classes.ts'
import { type CompoundFilters, compoundFilterExpression } from '../compound-filter.ts'
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

export const compoundsFillId = 'compounds-fill'

function isCoverage(theme: ThemeId): boolean {
  return theme === 'coverage-street' || theme === 'coverage-community'
}

export interface CompoundsLayerProps {
  theme?: ThemeId
  filters?: CompoundFilters
  /** The fill's opacity instead of the theme's (a faded backdrop under other data). */
  opacity?: number
}

export function CompoundsLayer({ theme = 'status', filters = {}, opacity }: CompoundsLayerProps) {
  const filter = compoundFilterExpression(filters) as FilterSpecification | null
  const coverage = isCoverage(theme)
  const colour = coverage
    ? '#ffffff'
    : classFillColour(theme === 'status' ? statusClasses : compoundThemeClasses[theme as CompoundThemeId])
  return (
    <TileSource layer="compounds">
      <Layer
        slot="compounds"
        id={compoundsFillId}
        type="fill"
        source-layer="compounds"
        {...(filter ? { filter } : {})}
        paint={{ 'fill-color': colour, 'fill-opacity': opacity ?? (coverage ? 0.35 : 0.85) }}
      />
      <Layer
        slot="compounds"
        id="compounds-outline"
        type="line"
        source-layer="compounds"
        {...(filter ? { filter } : {})}
        paint={{
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.2, 16, 1],
        }}
      />
    </TileSource>
  )
}
