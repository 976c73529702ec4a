// The words of the editable compound fields: a label for each, and a value as a person reads it (a community's
// name, a status's label, 是/否, 暂无), shared by the edit form, the conflict dialog and the history tab.
import { managementType, renovationStatus } from '@renewal-atlas/domain'
import { useCallback } from 'react'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import type { FormField } from './compound-form.ts'

/** A community the edit form offers, with its street (an area-limited editor sees only their streets'). */
export interface CommunityOption {
  code: string
  name: string
  streetCode: string
  streetName: string
}

export const fieldLabelKeys: Record<FormField | 'geometry', MessageKey> = {
  name: 'edit.field.name',
  address: 'details.address',
  communityCode: 'details.community',
  builtYear: 'details.builtYear',
  buildingCount: 'details.buildingCount',
  households: 'details.households',
  residents: 'details.residents',
  floorAreaM2: 'edit.field.floorAreaM2',
  managementType: 'details.management',
  onOldRegister: 'details.onRegister',
  renovationStatus: 'details.status',
  renovationYear: 'details.renovationYear',
  geometry: 'edit.field.geometry',
}

/** A function that writes any field's value for reading; communities by name where the list knows them. */
export function useFieldText(communities: readonly CommunityOption[]) {
  const { t, language, formatNumber } = useI18n()
  return useCallback(
    (field: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return t('details.unknown')
      if (field === 'geometry') return t('edit.geometryValue')
      if (typeof value === 'boolean') return value ? t('details.yes') : t('details.no')
      if (field === 'communityCode') {
        const community = communities.find((c) => c.code === value)
        return community ? `${community.name}（${community.streetName}）` : String(value)
      }
      if (field === 'managementType') return domainLabel(managementType.labels, String(value), language)
      if (field === 'renovationStatus') return domainLabel(renovationStatus.labels, String(value), language)
      if (field === 'builtYear' || field === 'renovationYear') return String(value)
      if (typeof value === 'number') return formatNumber(value)
      return String(value)
    },
    [t, language, formatNumber, communities],
  )
}
