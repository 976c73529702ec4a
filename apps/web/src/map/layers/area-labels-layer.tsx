// The names of the district, its streets and communities, each at one point inside its area, at the zooms where
// that level reads.
import type { FeatureCollection } from 'geojson'
import { useMemo } from 'react'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import { fonts, haloed } from '../base-style.ts'
import { labelPoint } from '../label-points.ts'
import { Layer } from '../layer.tsx'
import { Source } from '../source.tsx'

export const areaLabelsSourceId = 'area-labels'

function labelsOf(areas: AtlasAreas | null): FeatureCollection {
  const all = areas
    ? [
        ...areas.district.features.map((f) => ({ kind: 'district', f })),
        ...areas.streets.features.map((f) => ({ kind: 'street', f })),
        ...areas.communities.features.map((f) => ({ kind: 'community', f })),
      ]
    : []
  return {
    type: 'FeatureCollection',
    features: all.flatMap(({ kind, f }) => {
      const point = labelPoint(f.geometry)
      return point
        ? [
            {
              type: 'Feature' as const,
              properties: { kind, name: f.properties.name },
              geometry: { type: 'Point' as const, coordinates: point },
            },
          ]
        : []
    }),
  }
}

export function AreaLabelsLayer({ areas }: { areas: AtlasAreas | null }) {
  const data = useMemo(() => labelsOf(areas), [areas])
  return (
    <Source id={areaLabelsSourceId} type="geojson" data={data}>
      <Layer
        slot="area-labels"
        id="communities-label"
        type="symbol"
        filter={['==', ['get', 'kind'], 'community']}
        minzoom={13.5}
        maxzoom={16}
        layout={{ 'text-field': ['get', 'name'], 'text-font': fonts.regular, 'text-size': 12 }}
        paint={{ 'text-color': '#555555', ...haloed }}
      />
      <Layer
        slot="area-labels"
        id="streets-label"
        type="symbol"
        filter={['==', ['get', 'kind'], 'street']}
        minzoom={11.5}
        maxzoom={15}
        layout={{ 'text-field': ['get', 'name'], 'text-font': fonts.bold, 'text-size': 14 }}
        paint={{ 'text-color': '#1d3557', ...haloed, 'text-halo-width': 2 }}
      />
      <Layer
        slot="area-labels"
        id="district-label"
        type="symbol"
        filter={['==', ['get', 'kind'], 'district']}
        maxzoom={11.5}
        layout={{ 'text-field': ['get', 'name'], 'text-font': fonts.bold, 'text-size': 18 }}
        paint={{ 'text-color': '#1d3557', ...haloed, 'text-halo-width': 2 }}
      />
    </Source>
  )
}
