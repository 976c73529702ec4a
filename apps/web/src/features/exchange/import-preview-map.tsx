// The preview map of step ③ as a React component: owns one PreviewMap, draws the checked features and flies to
// the one the planner picks in the table.
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { type PreviewFeature, PreviewMap, previewColours } from './preview-map.ts'

export function ImportPreviewMap({
  features,
  focus,
}: {
  features: PreviewFeature[]
  /** The place in the file of the feature to show, with a counter so picking it again flies again. */
  focus: { n: number; times: number } | null
}) {
  const { t } = useI18n()
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<PreviewMap | null>(null)
  const labelRef = useRef(t('exchange.import.previewMap'))

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const preview = new PreviewMap(container, labelRef.current)
    setMap(preview)
    return () => {
      setMap(null)
      preview.destroy()
    }
  }, [])

  useEffect(() => {
    map?.show(features).catch((error: unknown) => console.error('Drawing the import preview failed', error))
  }, [map, features])

  useEffect(() => {
    if (focus) map?.focus(focus.n)
  }, [map, focus])

  return (
    <figure className="preview-map">
      <div ref={containerRef} className="preview-map__canvas" data-testid="import-preview-map" />
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
