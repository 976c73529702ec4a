// The words of the funding charts: the four sources (from the domain's labels) and the money unit.
import { fundingSource } from '@renewal-atlas/domain'
import { useMemo } from 'react'
import type { FundingWords } from '../../charts/chart-options.ts'
import { domainLabel } from '../../i18n/domain-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'

export function useFundingWords(): FundingWords {
  const { t, language } = useI18n()
  return useMemo(
    () => ({
      sources: {
        fiscal: domainLabel(fundingSource.labels, 'fiscal', language),
        enterprise: domainLabel(fundingSource.labels, 'enterprise', language),
        residents: domainLabel(fundingSource.labels, 'residents', language),
        socialCapital: domainLabel(fundingSource.labels, 'social_capital', language),
      },
      total: t('dash.funding.total'),
      projects: t('dash.funding.projects'),
      share: t('dash.funding.share'),
    }),
    [t, language],
  )
}
