// The map as a React component: owns one AtlasMap and pushes data, selection and labels into it.
import { useEffect, useRef, useState } from 'react'
import type { AtlasLayers } from '../api/layers.schema.ts'
import { useI18n } from '../i18n/i18n-context.tsx'
import { AtlasMap } from './atlas-map.ts'

export interface MapViewProps {
  layers: AtlasLayers | null
  selectedCompoundId: number | null
  onSelectCompound: (compoundId: number | null) => void
}

export function MapView({ layers, selectedCompoundId, onSelectCompound }: MapViewProps) {
  const { t } = useI18n()
  const containerRef = useRef<HTMLDivElement>(null)
  const [atlasMap, setAtlasMap] = useState<AtlasMap | null>(null)
  // The map is created once; it reads the latest callback through this ref instead of being rebuilt.
  const onSelectRef = useRef(onSelectCompound)
  useEffect(() => {
    onSelectRef.current = onSelectCompound
  }, [onSelectCompound])
  const initialLabelRef = useRef(t('map.title'))

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const map = new AtlasMap(container, {
      ariaLabel: initialLabelRef.current,
      onCompoundClick: (id) => onSelectRef.current(id),
    })
    setAtlasMap(map)
    return () => {
      setAtlasMap(null)
      map.destroy()
    }
  }, [])

  useEffect(() => {
    if (atlasMap && layers) {
      atlasMap
        .setLayers(layers)
        .catch((error: unknown) => console.error('Drawing the map layers failed', error))
    }
  }, [atlasMap, layers])

  useEffect(() => {
    atlasMap?.setSelectedCompound(selectedCompoundId)
  }, [atlasMap, selectedCompoundId])

  const mapTitle = t('map.title')
  useEffect(() => {
    atlasMap?.setAriaLabel(mapTitle)
  }, [atlasMap, mapTitle])

  return (
    <div className="map-view">
      <div ref={containerRef} className="map-view__canvas" />
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
            disabled={!layers}
          >
            <span aria-hidden="true">⤢</span>
          </button>
        </div>
      )}
    </div>
  )
}
