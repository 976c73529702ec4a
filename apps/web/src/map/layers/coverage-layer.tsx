// The coverage choropleth (改造覆盖率): streets or communities coloured by the share of their old compounds
// renovated, shown only under a coverage theme.
import type { CoverageRow } from '@renewal-atlas/domain'
import { coverageFillColour, type ThemeId } from '../compound-classes.ts'
import { Layer } from '../layer.tsx'
import { TileSource } from '../tile-source.tsx'

const levels = [
  { theme: 'coverage-street', layer: 'streets', id: 'coverage-streets-fill' },
  { theme: 'coverage-community', layer: 'communities', id: 'coverage-communities-fill' },
] as const

export function CoverageLayer({ theme, rows }: { theme: ThemeId; rows: readonly CoverageRow[] }) {
  return levels.map(({ theme: shownFor, layer, id }) => (
    <TileSource key={id} layer={layer}>
      <Layer
        slot="coverage"
        id={id}
        type="fill"
        source-layer={layer}
        layout={{ visibility: theme === shownFor ? 'visible' : 'none' }}
        paint={{
          'fill-color': theme === shownFor ? coverageFillColour(rows) : '#d9d9d9',
          'fill-opacity': 0.85,
        }}
      />
    </TileSource>
  ))
}
