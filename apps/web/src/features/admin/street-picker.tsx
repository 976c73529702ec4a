// Checkboxes of the district's streets, for the streets an area-limited role (planner, design institute) works in.
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import './admin.css'

export interface StreetOption {
  code: string
  name: string
}

export function StreetPicker({
  streets,
  value,
  onChange,
}: {
  streets: readonly StreetOption[]
  value: readonly string[]
  onChange: (codes: string[]) => void
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <fieldset className="street-picker">
      <legend>{t('users.streets')}</legend>
      {streets.length === 0 && <p className="muted">{t('details.loading')}</p>}
      {streets.map((street) => (
        <label key={street.code} htmlFor={`${id}-${street.code}`} className="street-picker__item">
          <input
            id={`${id}-${street.code}`}
            type="checkbox"
            value={street.code}
            checked={value.includes(street.code)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, street.code] : value.filter((c) => c !== street.code))
            }
          />
          {street.name}
        </label>
      ))}
    </fieldset>
  )
}
