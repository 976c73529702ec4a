// The preview map of step ③: the same map and layers as the main map, the compounds faded to a backdrop, the checked
// features on top and the view fitted to them; it flies to the one the planner picks in the table.
import { useCallback, useMemo, useState } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { AtlasMap } from '../../map/atlas-map.tsx'
import { FitBounds } from '../../map/fit-bounds.tsx'
import { boundsOf } from '../../map/geojson-bounds.ts'
import { BoundaryFillLayer } from '../../map/layers/boundary-fill-layer.tsx'
import { BoundaryLinesLayer } from '../../map/layers/boundary-lines-layer.tsx'
import { BuildingsLayer } from '../../map/layers/buildings-layer.tsx'
import { CompoundLabelsLayer } from '../../map/layers/compound-labels-layer.tsx'
import { CompoundsLayer } from '../../map/layers/compounds-layer.tsx'
import { FacilitiesLayer } from '../../map/layers/facilities-layer.tsx'
import { RoadLabelsLayer } from '../../map/layers/road-labels-layer.tsx'
import { RoadsLayer } from '../../map/layers/roads-layer.tsx'
import { WhenDrawn } from '../../map/when-drawn.tsx'
import { ImportPreviewLayer, importPreviewSourceId } from './import-preview-layer.tsx'
import { type PreviewFeature, previewColours } from './preview-features.ts'

const opening = { zoom: 12, center: [104.1, 30.63] as [number, number] }

export function ImportPreviewMap({
  features,
  focus,
}: {
  features: PreviewFeature[]
  /** The place in the file of the feature to show, with a counter so picking it again flies again. */
  focus: { n: number; times: number } | null
}) {
  const { t } = useI18n()
  // `data-preview-ready` says the features now given are drawn (for browser tests).
  const [drawn, setDrawn] = useState<PreviewFeature[] | null>(null)
  const markDrawn = useCallback(() => setDrawn(features), [features])
  const bounds = useMemo(() => boundsOf(features), [features])
  const focused = focus ? features.find((f) => f.properties.n === focus.n) : undefined

  return (
    <figure className="preview-map">
      <AtlasMap
        ariaLabel={t('exchange.import.previewMap')}
        initialPosition={opening}
        exposeAs="__importPreviewMap"
        className="preview-map__canvas"
        testId="import-preview-map"
        containerData={{ 'preview-ready': drawn === features ? 'true' : undefined }}
      >
        <BoundaryFillLayer />
        <RoadsLayer />
        {/* The compounds' status colours would hide the check colours: they fade to a backdrop here. */}
        <CompoundsLayer opacity={0.2} />
        <BuildingsLayer />
        <BoundaryLinesLayer />
        <FacilitiesLayer />
        <RoadLabelsLayer />
        <CompoundLabelsLayer />
        <ImportPreviewLayer features={features} />
        <FitBounds bounds={bounds} padding={30} maxZoom={18} animate={false} />
        {focused && focus && (
          <FitBounds key={focus.times} bounds={boundsOf([focused])} padding={60} maxZoom={19} />
        )}
        <WhenDrawn sources={[importPreviewSourceId]} version={features} onDrawn={markDrawn} />
      </AtlasMap>
      <figcaption className="preview-map__legend">
        {(['valid', 'warning', 'invalid'] as const).map((status) => (
          <span key={status}>
            <span className="preview-map__swatch" style={{ background: previewColours[status] }} />
            {t(`exchange.import.status.${status}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
