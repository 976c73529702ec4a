// The places an import check's issues name on the preview map — where PostGIS found a polygon's edges crossing —
// as markers above the features; the one of the feature picked in the table is drawn larger.
import type { FeatureCollection } from 'geojson'
import { useMemo } from 'react'
import { Layer, type StyleExpression } from '../../map/layer.tsx'
import { Source } from '../../map/source.tsx'
import { type ProblemLocation, previewColours } from './preview-features.ts'

export const importLocationSourceId = 'import-locations'

export function ImportLocationLayer({
  locations,
  focusedN,
}: {
  locations: ProblemLocation[]
  /** The place in the file of the feature picked in the table, if any. */
  focusedN: number | null
}) {
  const data = useMemo<FeatureCollection>(
    () => ({ type: 'FeatureCollection', features: locations }),
    [locations],
  )
  const focused: StyleExpression = ['==', ['get', 'n'], focusedN ?? -1]
  return (
    <Source id={importLocationSourceId} type="geojson" data={data}>
      <Layer
        slot="import-location"
        id="import-preview-location"
        type="circle"
        paint={{
          'circle-color': ['case', focused, previewColours.invalid, '#ffffff'],
          'circle-radius': ['case', focused, 9, 6],
          'circle-stroke-color': ['case', focused, '#ffffff', previewColours.invalid],
          'circle-stroke-width': 3,
        }}
      />
    </Source>
  )
}
