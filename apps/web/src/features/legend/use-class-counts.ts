// Counts for the legend and the filter panel, asked of the API so they cover the whole district, not only the
// tiles in view: the compounds matching the filters, and within them each class of the current theme. Each count
// is a query of the cache (a write to the compounds invalidates them all).
import type { CoverageRow } from '@renewal-atlas/domain'
import { useQueries, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { compoundQueries } from '../../api/compounds.queries.ts'
import { statsQueries } from '../../api/stats.queries.ts'
import { type CompoundThemeId, compoundThemeClasses, type ThemeId } from '../../map/compound-classes.ts'
import { type CompoundFilters, intersectFilters } from '../../map/compound-filter.ts'
import { useSettled } from '../../ui/use-settled.ts'

/** Typing a year or a household count fires a change per key; wait for a pause before asking. */
const debounceMs = 200

export interface CompoundCounts {
  /** Compounds matching the filters. */
  matched: number
  /** Per class key of the current compound theme, within the filters. */
  byClass: Map<string, number>
}

/** Null while counting (after a change of theme or filters, or a write). */
export function useCompoundCounts(theme: ThemeId, filters: CompoundFilters): CompoundCounts | null {
  const key = JSON.stringify([theme, filters])
  const settledKey = useSettled(key, debounceMs)
  const asked = useMemo(() => {
    const [askedTheme, askedFilters] = JSON.parse(settledKey) as [ThemeId, CompoundFilters]
    return { theme: askedTheme, filters: askedFilters }
  }, [settledKey])
  const classes =
    asked.theme in compoundThemeClasses ? compoundThemeClasses[asked.theme as CompoundThemeId] : []
  const ranged = classes.filter((cls) => cls.where !== null)
  const matched = useQuery(compoundQueries.count(asked.filters))
  const byClass = useQueries({
    queries: ranged.map((cls) => {
      const both = intersectFilters(asked.filters, cls.where ?? {})
      // Filters that exclude each other match nothing: no need to ask.
      return both === null
        ? { queryKey: ['compounds', 'count', 'none'], queryFn: () => 0, staleTime: Number.POSITIVE_INFINITY }
        : compoundQueries.count(both)
    }),
  })
  const current = settledKey === key
  const all = [matched, ...byClass]
  if (!current || all.some((query) => query.isFetching || query.data === undefined)) return null
  const values = byClass.map((query) => query.data ?? 0)
  const counts = new Map(ranged.map((cls, i) => [cls.key, values[i] ?? 0]))
  // The catch-all class holds whatever the other classes do not.
  const rest = classes.find((cls) => cls.where === null)
  const total = matched.data ?? 0
  if (rest) counts.set(rest.key, total - values.reduce((a, b) => a + b, 0))
  return { matched: total, byClass: counts }
}

/** The coverage rows a choropleth theme needs; empty for the other themes, null while they load. */
export function useCoverageRows(theme: ThemeId): CoverageRow[] | null {
  const level = theme === 'coverage-street' ? 'street' : theme === 'coverage-community' ? 'community' : null
  const query = useQuery({ ...statsQueries.coverage(level ?? 'street', {}), enabled: level !== null })
  if (level === null) return []
  return query.data?.rows ?? null
}
