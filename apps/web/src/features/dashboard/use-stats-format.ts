// The StatsFormat of the interface language, one object per language so memoised charts keep still.
import { useMemo } from 'react'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { createStatsFormat, type StatsFormat } from './stats-format.ts'

export function useStatsFormat(): StatsFormat {
  const { language } = useI18n()
  return useMemo(() => createStatsFormat(language), [language])
}
