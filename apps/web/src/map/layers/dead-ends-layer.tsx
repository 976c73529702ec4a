// Dead-end roads (断头路), derived from the road graph by the API, as red dots.
import { useQuery } from '@tanstack/react-query'
import type { FeatureCollection } from 'geojson'
import { deadEndsQuery } from '../../api/areas.queries.ts'
import { Layer } from '../layer.tsx'
import { Source } from '../source.tsx'

export const deadEndColour = '#A4161A'

const none: FeatureCollection = { type: 'FeatureCollection', features: [] }

export function DeadEndsLayer() {
  const { data } = useQuery(deadEndsQuery)
  return (
    <Source id="dead-ends" type="geojson" data={(data as FeatureCollection | undefined) ?? none}>
      <Layer
        slot="dead-ends"
        id="dead-ends"
        type="circle"
        minzoom={12}
        paint={{
          'circle-color': deadEndColour,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 2.5, 16, 6],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.2,
        }}
      />
    </Source>
  )
}
