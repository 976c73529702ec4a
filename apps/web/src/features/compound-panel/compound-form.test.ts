import type { CompoundResponseProperties } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import {
  differingFields,
  formValuesOf,
  patchBetween,
  reapply,
  recordOf,
  validateForm,
} from './compound-form.ts'

function createProperties(overrides: Partial<CompoundResponseProperties> = {}): CompoundResponseProperties {
  return {
    id: 42,
    code: 'C042',
    name: '五福苑',
    address: '锦江区五福街 1 号',
    communityCode: '510104030001',
    communityName: '五福社区',
    streetCode: '510104030',
    streetName: '沙河街道',
    builtYear: 1988,
    buildingCount: 6,
    households: 240,
    residents: 610,
    floorAreaM2: 18000.5,
    managementType: 'self_managed',
    onOldRegister: true,
    renovationStatus: 'planned',
    renovationYear: null,
    synthetic: true,
    version: 3,
    ...overrides,
  }
}

describe('the compound edit form', () => {
  it('when nothing is typed, then the form stands for the record it was opened on and validates', () => {
    const record = recordOf(createProperties())
    const checked = validateForm(formValuesOf(record))
    expect(checked).toEqual({ ok: true, record })
  })

  it('when the households become 250, then the patch carries only the households', () => {
    const base = recordOf(createProperties())
    const values = { ...formValuesOf(base), households: '250' }
    const checked = validateForm(values)
    if (!checked.ok) throw new Error('expected a valid form')
    expect(patchBetween(base, checked.record)).toEqual({ households: 250 })
  })

  it('when the address is emptied, then it is cleared (null), not sent as an empty text', () => {
    const base = recordOf(createProperties())
    const checked = validateForm({ ...formValuesOf(base), address: '  ' })
    expect(checked.ok && patchBetween(base, checked.record)).toEqual({ address: null })
  })

  it('when the status becomes completed without a year, then the renovation year is asked for', () => {
    const values = { ...formValuesOf(recordOf(createProperties())), renovationStatus: 'completed' }
    expect(validateForm(values)).toEqual({ ok: false, errors: { renovationYear: 'edit.rule.yearRequired' } })
  })

  it('when a year is earlier than the build year or numbers are not whole, then each field says so', () => {
    const values = {
      ...formValuesOf(recordOf(createProperties())),
      renovationStatus: 'completed',
      renovationYear: '1980',
      households: '12.5',
      buildingCount: '',
      name: '',
    }
    expect(validateForm(values)).toEqual({
      ok: false,
      errors: {
        renovationYear: 'edit.rule.yearBeforeBuilt',
        households: 'edit.invalid.households',
        buildingCount: 'edit.invalid.buildingCount',
        name: 'edit.invalid.name',
      },
    })
  })

  it('when someone else changed the name and I changed the households, then reapplying keeps both', () => {
    const base = recordOf(createProperties())
    const mine = { ...base, households: 250 }
    const current = { ...base, name: '五福苑（东区）' }
    const merged = reapply(current, base, mine)
    expect(merged).toEqual({ ...base, name: '五福苑（东区）', households: 250 })
    expect(differingFields(mine, current)).toEqual(['name', 'households'])
  })
})
