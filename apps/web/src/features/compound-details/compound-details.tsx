// A small panel with the essentials of the compound clicked on the map (the full record panel comes later).
import type { CompoundListProperties } from '../../api/layers.schema.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { classifyCompound } from '../../map/compound-classes.ts'

export function CompoundDetails({
  compound,
  onClose,
}: {
  compound: CompoundListProperties
  onClose: () => void
}) {
  const { t, formatNumber } = useI18n()
  const cls = classifyCompound(compound)
  const completedIn =
    compound.onOldRegister && compound.renovationStatus === 'completed' && compound.renovationYear !== null
      ? t('details.completedIn', { year: compound.renovationYear })
      : ''
  return (
    <aside className="compound-details" aria-labelledby="compound-details-title">
      <div className="compound-details__head">
        <h2 id="compound-details-title">{compound.name}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <dl>
        <dt>{t('details.address')}</dt>
        <dd>{compound.address ?? t('details.unknown')}</dd>
        <dt>{t('details.community')}</dt>
        <dd>
          {compound.communityName} · {compound.streetName}
        </dd>
        <dt>{t('details.builtYear')}</dt>
        <dd>
          {compound.builtYear === null
            ? t('details.unknown')
            : t('details.builtYearValue', { year: compound.builtYear })}
        </dd>
        <dt>{t('details.households')}</dt>
        <dd>{t('details.householdsValue', { count: formatNumber(compound.households) })}</dd>
        <dt>{t('details.status')}</dt>
        <dd>
          {cls && (
            <span className="legend__swatch" style={{ backgroundColor: cls.colour }} aria-hidden="true" />
          )}
          {cls ? t(cls.labelKey) : compound.renovationStatus}
          {completedIn}
        </dd>
      </dl>
    </aside>
  )
}
