// The checked features of an import on a map: polygons filled, lines and outlines stroked, points as dots, each in
// its check result's colour.
import type { FeatureCollection } from 'geojson'
import { useMemo } from 'react'
import { Layer, type StyleExpression } from '../../map/layer.tsx'
import { Source } from '../../map/source.tsx'
import { type PreviewFeature, previewColours } from './preview-features.ts'

export const importPreviewSourceId = 'import-preview'

const colour: StyleExpression = [
  'match',
  ['get', 'status'],
  'valid',
  previewColours.valid,
  'warning',
  previewColours.warning,
  previewColours.invalid,
]

export function ImportPreviewLayer({ features }: { features: PreviewFeature[] }) {
  const data = useMemo<FeatureCollection>(() => ({ type: 'FeatureCollection', features }), [features])
  return (
    <Source id={importPreviewSourceId} type="geojson" data={data}>
      <Layer
        slot="import-preview"
        id="import-preview-fill"
        type="fill"
        filter={['==', ['geometry-type'], 'Polygon']}
        paint={{ 'fill-color': colour, 'fill-opacity': 0.6 }}
      />
      <Layer
        slot="import-preview"
        id="import-preview-line"
        type="line"
        filter={['!=', ['geometry-type'], 'Point']}
        paint={{ 'line-color': colour, 'line-width': 2.5 }}
      />
      <Layer
        slot="import-preview"
        id="import-preview-point"
        type="circle"
        filter={['==', ['geometry-type'], 'Point']}
        paint={{
          'circle-color': colour,
          'circle-radius': 7,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        }}
      />
    </Source>
  )
}
