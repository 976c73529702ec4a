// The map as a React component: owns one AtlasMap and pushes areas, theme, filters and selection into it.
import { type CoverageRow, roadClass } from '@renewal-atlas/domain'
import { useEffect, useRef, useState } from 'react'
import type { AtlasAreas } from '../api/layers.schema.ts'
import { fetchDeadEnds } from '../api/roads.api.ts'
import { domainLabel } from '../i18n/domain-labels.ts'
import { useI18n } from '../i18n/i18n-context.tsx'
import { AtlasMap, type RoadHover } from './atlas-map.ts'
import type { ThemeId } from './compound-classes.ts'
import type { CompoundFilters } from './compound-filter.ts'
import type { Bounds } from './geojson-bounds.ts'
import type { MapPosition } from './url-state.ts'

export interface MapViewProps {
  areas: AtlasAreas | null
  theme: ThemeId
  coverageRows: CoverageRow[] | null
  filters: CompoundFilters
  selectedCompoundId: number | null
  initialPosition: MapPosition | undefined
  /** Opens on this extent instead of a position (read once, when the map is created). */
  initialBounds?: Bounds | undefined
  onSelectCompound: (compoundId: number | null) => void
  onMoveEnd: (position: MapPosition) => void
  onMap: (map: AtlasMap | null) => void
}

export function MapView(props: MapViewProps) {
  const { areas, theme, coverageRows, filters, selectedCompoundId } = props
  const { t, language, formatNumber } = useI18n()
  const containerRef = useRef<HTMLDivElement>(null)
  const [atlasMap, setAtlasMap] = useState<AtlasMap | null>(null)
  const [road, setRoad] = useState<RoadHover | null>(null)
  // The map is created once; it reads the latest callbacks and first view through this ref.
  const propsRef = useRef(props)
  useEffect(() => {
    propsRef.current = props
  })
  const initialLabelRef = useRef(t('map.title'))

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const map = new AtlasMap(container, {
      ariaLabel: initialLabelRef.current,
      initialPosition: propsRef.current.initialPosition,
      initialBounds: propsRef.current.initialBounds,
      onCompoundClick: (id) => propsRef.current.onSelectCompound(id),
      onRoadHover: setRoad,
      onMoveEnd: (position) => propsRef.current.onMoveEnd(position),
    })
    setAtlasMap(map)
    propsRef.current.onMap(map)
    const controller = new AbortController()
    fetchDeadEnds({ signal: controller.signal }).then(
      (deadEnds) => map.setDeadEnds(deadEnds),
      (error: unknown) => {
        if (!controller.signal.aborted) console.error('Loading road dead ends failed', error)
      },
    )
    return () => {
      controller.abort()
      propsRef.current.onMap(null)
      setAtlasMap(null)
      map.destroy()
    }
  }, [])

  useEffect(() => {
    if (atlasMap && areas) {
      atlasMap.setAreas(areas).catch((error: unknown) => console.error('Drawing the areas failed', error))
    }
  }, [atlasMap, areas])

  useEffect(() => {
    if (!atlasMap) return
    // A choropleth waits for its rows; the compound themes need none.
    if (coverageRows === null) return
    atlasMap.setTheme(theme, coverageRows).catch((error: unknown) => console.error('Theme failed', error))
  }, [atlasMap, theme, coverageRows])

  useEffect(() => {
    atlasMap?.setCompoundFilters(filters).catch((error: unknown) => console.error('Filter failed', error))
  }, [atlasMap, filters])

  useEffect(() => {
    atlasMap?.setSelectedCompound(selectedCompoundId)
  }, [atlasMap, selectedCompoundId])

  const mapTitle = t('map.title')
  useEffect(() => {
    atlasMap?.setAriaLabel(mapTitle)
  }, [atlasMap, mapTitle])

  const metres = (value: number | null) =>
    value === null ? t('details.unknown') : t('road.metres', { value: formatNumber(value) })

  return (
    <div className="map-view">
      <div ref={containerRef} className="map-view__canvas" />
      {road && (
        <div className="road-tooltip" role="tooltip" style={{ left: road.x + 12, top: road.y + 12 }}>
          <strong>{road.name ?? t('road.unnamed')}</strong>
          <span>
            {t('road.class')}:{' '}
            {road.roadClass ? domainLabel(roadClass.labels, road.roadClass, language) : t('details.unknown')}
          </span>
          <span>
            {t('road.redLine')}: {metres(road.redLineWidthM)}
          </span>
          <span>
            {t('road.carriageway')}: {metres(road.carriagewayWidthM)}
          </span>
        </div>
      )}
      {atlasMap && (
        <div
          className="map-controls"
          role="toolbar"
          aria-label={t('map.controls')}
          aria-orientation="vertical"
        >
          <button
            type="button"
            aria-label={t('map.zoomIn')}
            title={t('map.zoomIn')}
            onClick={() => atlasMap.zoomIn()}
          >
            <span aria-hidden="true">+</span>
          </button>
          <button
            type="button"
            aria-label={t('map.zoomOut')}
            title={t('map.zoomOut')}
            onClick={() => atlasMap.zoomOut()}
          >
            <span aria-hidden="true">−</span>
          </button>
          <button
            type="button"
            aria-label={t('map.fitDistrict')}
            title={t('map.fitDistrict')}
            onClick={() => atlasMap.fitDistrict()}
            disabled={!areas}
          >
            <span aria-hidden="true">⤢</span>
          </button>
        </div>
      )}
    </div>
  )
}
