// Which part of the district to export: everything that passes the filters, the map's current view, or the
// surroundings of the selected compound within a radius; with an area, features can be cut at its edge.
import { MAX_NEAR_RADIUS_M } from '@renewal-atlas/domain'
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { Bounds } from '../../map/geojson-bounds.ts'
import type { ExportArea } from './export-request.ts'

export type AreaKind = ExportArea['kind']

export interface AreaChoice {
  kind: AreaKind
  radius: number
  clip: boolean
}

function validRadius(radius: number): boolean {
  return Number.isInteger(radius) && radius >= 0 && radius <= MAX_NEAR_RADIUS_M
}

/** The area the API is asked for, or null while the choice is incomplete (no view, no compound, a bad radius). */
export function areaOf(
  choice: AreaChoice,
  viewBounds: Bounds | undefined,
  compoundId: number | null,
): ExportArea | null {
  if (choice.kind === 'all') return { kind: 'all' }
  if (choice.kind === 'view') return viewBounds ? { kind: 'view', bbox: viewBounds } : null
  return compoundId !== null && validRadius(choice.radius)
    ? { kind: 'near', compoundId, radius: choice.radius }
    : null
}

export function ExportAreaFields({
  choice,
  onChange,
  canUseView,
  compoundName,
}: {
  choice: AreaChoice
  onChange: (choice: AreaChoice) => void
  canUseView: boolean
  /** The selected compound's name; null when none is selected (no "near" choice then). */
  compoundName: string | null
}) {
  const { t } = useI18n()
  const id = useId()
  const radiusInvalid = choice.kind === 'near' && !validRadius(choice.radius)
  const option = (kind: AreaKind, label: string, disabled = false) => (
    <label className="check">
      <input
        type="radio"
        name={`${id}-area`}
        value={kind}
        checked={choice.kind === kind}
        disabled={disabled}
        onChange={() => onChange({ ...choice, kind })}
      />
      {label}
    </label>
  )
  return (
    <fieldset className="exchange-field" data-testid="export-area">
      <legend>{t('exchange.export.area')}</legend>
      <div className="exchange-field__choices exchange-field__choices--column">
        {option('all', t('exchange.export.areaAll'))}
        {option('view', t('exchange.export.areaView'), !canUseView)}
        {compoundName !== null && option('near', t('exchange.export.areaNear', { name: compoundName }))}
      </div>
      {choice.kind === 'near' && (
        <div className="exchange-field__inline">
          <label htmlFor={`${id}-radius`}>{t('exchange.export.radius')}</label>
          <input
            id={`${id}-radius`}
            type="number"
            min={0}
            max={MAX_NEAR_RADIUS_M}
            step={50}
            value={Number.isNaN(choice.radius) ? '' : choice.radius}
            aria-invalid={radiusInvalid}
            aria-describedby={`${id}-radius-hint`}
            onChange={(event) => onChange({ ...choice, radius: event.target.valueAsNumber })}
          />
          <span id={`${id}-radius-hint`} className="muted">
            {t('exchange.export.radiusHint', { max: MAX_NEAR_RADIUS_M })}
          </span>
        </div>
      )}
      {choice.kind !== 'all' && (
        <label className="check">
          <input
            type="checkbox"
            checked={choice.clip}
            onChange={(event) => onChange({ ...choice, clip: event.target.checked })}
          />
          {t('exchange.export.clip')}
        </label>
      )}
    </fieldset>
  )
}
