// The compound edit form: every editable field but the outline, checked with the API's own schema before it is
// sent, then PATCHed with If-Match. A save that someone else's beat opens the conflict dialog.
import { type CompoundSnapshot, managementType, renovationStatus } from '@renewal-atlas/domain'
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react'
import { type ApiError, asApiError, InvalidInputError, VersionConflictError } from '../../api/api-error.ts'
import { usePatchCompound } from '../../api/compounds.queries.ts'
import { etagOf } from '../../api/http-client.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { RefusalMessage } from '../session/refusal-message.tsx'
import { useSession } from '../session/session-context.tsx'
import { type CommunityOption, fieldLabelKeys } from './compound-fields.ts'
import {
  differingFields,
  type EditableRecord,
  FORM_FIELDS,
  type FormErrors,
  type FormField,
  type FormValues,
  formValuesOf,
  patchBetween,
  reapply,
  recordOf,
  validateForm,
} from './compound-form.ts'
import { type VersionConflict, VersionConflictDialog } from './version-conflict-dialog.tsx'

export interface CompoundEditFormProps {
  compound: CompoundSnapshot
  etag: string
  communities: readonly CommunityOption[]
  /** The compound as the API now has it (after my save, or someone else's I chose to keep). */
  onSaved: (compound: CompoundSnapshot, etag: string | null) => void
  onCancel: () => void
}

type Notice = 'noChanges' | 'reapplied' | null

export function CompoundEditForm({ compound, etag, communities, onSaved, onCancel }: CompoundEditFormProps) {
  const { t, language } = useI18n()
  const { permits } = useSession()
  const id = useId()
  const [base, setBase] = useState<{ record: EditableRecord; etag: string }>(() => ({
    record: recordOf(compound.properties),
    etag,
  }))
  const [values, setValues] = useState<FormValues>(() => formValuesOf(base.record))
  const [errors, setErrors] = useState<FormErrors>({})
  const [serverReasons, setServerReasons] = useState<Partial<Record<FormField, string>>>({})
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const [conflict, setConflict] = useState<VersionConflict | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const patch = usePatchCompound()
  const saving = patch.isPending
  const compoundId = compound.properties.id

  // A planner may move a compound only to a community of their own streets; its own community always stays.
  const offered = useMemo(
    () =>
      communities.filter(
        (c) => c.code === compound.properties.communityCode || permits('editCompounds', c.streetCode),
      ),
    [communities, compound.properties.communityCode, permits],
  )
  const byStreet = useMemo(() => {
    const groups = new Map<string, CommunityOption[]>()
    for (const c of offered) groups.set(c.streetName, [...(groups.get(c.streetName) ?? []), c])
    return [...groups]
  }, [offered])

  const set = <K extends FormField>(field: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    setNotice(null)
  }

  const save = async (record: EditableRecord, from: { record: EditableRecord; etag: string }) => {
    const changes = patchBetween(from.record, record)
    if (Object.keys(changes).length === 0) {
      setNotice('noChanges')
      return
    }
    setRefusal(null)
    setServerReasons({})
    try {
      const saved = await patch.mutateAsync({ id: compoundId, etag: from.etag, patch: changes })
      setConflict(null)
      onSaved(saved.data, saved.etag)
    } catch (caught) {
      const error = asApiError(caught)
      if (error instanceof VersionConflictError && error.current) {
        const current = error.current as CompoundSnapshot
        setConflict({
          current,
          etag: etagOf(error.currentVersion ?? current.properties.version),
          mine: record,
          myChanges: differingFields(from.record, record),
        })
      } else if (error instanceof InvalidInputError && error.fieldProblems.length > 0) {
        const reasons: Partial<Record<FormField, string>> = {}
        for (const problem of error.fieldProblems) {
          if ((FORM_FIELDS as readonly string[]).includes(problem.name)) {
            reasons[problem.name as FormField] = problem.reason
          }
        }
        setServerReasons(reasons)
        if (Object.keys(reasons).length < error.fieldProblems.length) setRefusal(error)
      } else {
        setConflict(null)
        setRefusal(error)
      }
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validateForm(values)
    if (!checked.ok) {
      setErrors(checked.errors)
      // The first field with a problem gets the focus, so a keyboard user lands on it.
      const first = FORM_FIELDS.find((f) => checked.errors[f])
      if (first) document.getElementById(`${id}-${first}`)?.focus()
      return
    }
    setErrors({})
    void save(checked.record, base)
  }

  const takeLatest = () => {
    if (!conflict) return
    const { current, etag: currentEtag } = conflict
    setConflict(null)
    onSaved(current, currentEtag)
  }

  const reapplyMine = () => {
    if (!conflict) return
    const currentRecord = recordOf(conflict.current.properties)
    const merged = reapply(currentRecord, base.record, conflict.mine)
    const next = { record: currentRecord, etag: conflict.etag }
    setBase(next)
    setValues(formValuesOf(merged))
    const checked = validateForm(formValuesOf(merged))
    if (!checked.ok) {
      // My changes do not fit the new version (a rule between fields): show them in the form to correct.
      setConflict(null)
      setErrors(checked.errors)
      setNotice('reapplied')
      return
    }
    void save(checked.record, next)
  }

  const field = (name: FormField, input: ReactNode) => {
    const message = errors[name]
    const reason = serverReasons[name]
    const invalid = Boolean(message || reason)
    return (
      <div className={`edit-field edit-field--${name}`} data-field={name} key={name}>
        <label htmlFor={`${id}-${name}`}>{t(fieldLabelKeys[name])}</label>
        {input}
        {invalid && (
          <p className="form-error" id={`${id}-${name}-error`}>
            {message ? t(message) : reason}
          </p>
        )}
      </div>
    )
  }
  const described = (name: FormField) =>
    errors[name] || serverReasons[name]
      ? { 'aria-invalid': true, 'aria-describedby': `${id}-${name}-error` }
      : {}
  const textInput = (name: 'name' | 'address', maxLength: number) =>
    field(
      name,
      <input
        id={`${id}-${name}`}
        name={name}
        value={values[name]}
        maxLength={maxLength}
        onChange={(e) => set(name, e.target.value)}
        {...described(name)}
      />,
    )
  const numberInput = (name: FormField, step = '1') =>
    field(
      name,
      <input
        id={`${id}-${name}`}
        name={name}
        type="number"
        inputMode={step === '1' ? 'numeric' : 'decimal'}
        step={step}
        value={values[name] as string}
        onChange={(e) => set(name, e.target.value as FormValues[typeof name])}
        {...described(name)}
      />,
    )

  return (
    <form className="edit-form" onSubmit={submit} noValidate data-testid="compound-edit-form">
      <h3>{t('edit.title')}</h3>
      <p className="muted">{t('edit.basedOn', { version: compoundVersion(base.etag) })}</p>
      {textInput('name', 200)}
      {textInput('address', 500)}
      {field(
        'communityCode',
        <select
          id={`${id}-communityCode`}
          name="communityCode"
          value={values.communityCode}
          onChange={(e) => set('communityCode', e.target.value)}
          {...described('communityCode')}
        >
          {byStreet.map(([street, options]) => (
            <optgroup key={street} label={street}>
              {options.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>,
      )}
      {numberInput('builtYear')}
      {numberInput('buildingCount')}
      {numberInput('households')}
      {numberInput('residents')}
      {numberInput('floorAreaM2', 'any')}
      {field(
        'managementType',
        <select
          id={`${id}-managementType`}
          name="managementType"
          value={values.managementType}
          onChange={(e) => set('managementType', e.target.value)}
        >
          <option value="">{t('details.unknown')}</option>
          {managementType.values.map((v) => (
            <option key={v} value={v}>
              {domainLabel(managementType.labels, v, language)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'onOldRegister',
        <input
          id={`${id}-onOldRegister`}
          name="onOldRegister"
          type="checkbox"
          checked={values.onOldRegister}
          onChange={(e) => set('onOldRegister', e.target.checked)}
        />,
      )}
      {field(
        'renovationStatus',
        <select
          id={`${id}-renovationStatus`}
          name="renovationStatus"
          value={values.renovationStatus}
          onChange={(e) => set('renovationStatus', e.target.value)}
        >
          {renovationStatus.values.map((v) => (
            <option key={v} value={v}>
              {domainLabel(renovationStatus.labels, v, language)}
            </option>
          ))}
        </select>,
      )}
      {numberInput('renovationYear')}
      {notice && (
        <p className="form-notice" role="status">
          {t(notice === 'noChanges' ? 'edit.noChanges' : 'edit.reapplied')}
        </p>
      )}
      {refusal && <RefusalMessage error={refusal} />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          {saving ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('common.cancel')}
        </button>
      </div>
      {conflict && (
        <VersionConflictDialog
          conflict={conflict}
          communities={communities}
          busy={saving}
          onUseLatest={takeLatest}
          onReapply={reapplyMine}
          onClose={() => setConflict(null)}
        />
      )}
    </form>
  )
}

/** The version an ETag names ("4" → 4), for the line saying which version the form edits. */
function compoundVersion(etag: string): string {
  return etag.replace(/^W\//, '').replaceAll('"', '')
}
