// The preview map of step ③: the same map and layers as the main map, the compounds faded to a backdrop, the checked
// features on top with markers where their issues name a place, and the view fitted to them; it flies to the feature
// (or the place) the planner picks in the table.
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
import { ImportLocationLayer, importLocationSourceId } from './import-location-layer.tsx'
import { ImportPreviewLayer, importPreviewSourceId } from './import-preview-layer.tsx'
import { type PreviewFeature, type ProblemLocation, previewColours } from './preview-features.ts'

/** What the table picked: a feature by its place in the file, or a place one of its issues names. */
export interface PreviewFocus {
  n: number
  location?: [number, number]
  /** Counts the picks, so picking the same again flies again. */
  times: number
}

const opening = { zoom: 12, center: [104.1, 30.63] as [number, number] }

export function ImportPreviewMap({
  features,
  locations,
  focus,
}: {
  features: PreviewFeature[]
  locations: ProblemLocation[]
  focus: PreviewFocus | null
}) {
  const { t } = useI18n()
  // `data-preview-ready` says the features now given are drawn (for browser tests).
  const [drawn, setDrawn] = useState<PreviewFeature[] | null>(null)
  const markDrawn = useCallback(() => setDrawn(features), [features])
  const bounds = useMemo(() => boundsOf(features), [features])
  const focused = focus ? features.find((f) => f.properties.n === focus.n) : undefined
  const focusBounds = focus?.location
    ? boundsOf([{ geometry: { coordinates: focus.location } }])
    : focused && boundsOf([focused])

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
        <ImportLocationLayer locations={locations} focusedN={focus?.n ?? null} />
        <FitBounds bounds={bounds} padding={30} maxZoom={18} animate={false} />
        {focus && focusBounds && (
          <FitBounds key={focus.times} bounds={focusBounds} padding={60} maxZoom={19} />
        )}
        <WhenDrawn
          sources={[importPreviewSourceId, importLocationSourceId]}
          version={features}
          onDrawn={markDrawn}
        />
      </AtlasMap>
      <figcaption className="preview-map__legend">
        {(['valid', 'warning', 'invalid'] as const).map((status) => (
          <span key={status}>
            <span className="preview-map__swatch" style={{ background: previewColours[status] }} />
            {t(`exchange.import.status.${status}`)}
          </span>
        ))}
        {locations.length > 0 && (
          <span>
            <span className="preview-map__swatch preview-map__swatch--location" />
            {t('exchange.import.locationLegend')}
          </span>
        )}
      </figcaption>
    </figure>
  )
}
