// Counts for the legend and the filter panel, asked of the API so they cover the whole district, not only the
// tiles in view: the compounds matching the filters, and within them each class of the current theme.
import type { CoverageRow } from '@renewal-atlas/domain'
import { useEffect, useState } from 'react'
import { countCompounds } from '../../api/compounds.api.ts'
import { fetchCoverage } from '../../api/stats.api.ts'
import { type CompoundThemeId, compoundThemeClasses, type ThemeId } from '../../map/compound-classes.ts'
import { type CompoundFilters, intersectFilters } from '../../map/compound-filter.ts'

/** Typing a year or a household count fires a change per key; wait for a pause before asking. */
const debounceMs = 200

export interface CompoundCounts {
  /** Compounds matching the filters. */
  matched: number
  /** Per class key of the current compound theme, within the filters. */
  byClass: Map<string, number>
}

async function countWithin(filters: CompoundFilters, where: CompoundFilters, signal: AbortSignal) {
  const both = intersectFilters(filters, where)
  return both === null ? 0 : countCompounds(both, { signal })
}

/** `revision` changes after a write, to count again. */
export function useCompoundCounts(
  theme: ThemeId,
  filters: CompoundFilters,
  revision = 0,
): CompoundCounts | null {
  const [counts, setCounts] = useState<CompoundCounts | null>(null)
  useEffect(() => {
    void revision
    const controller = new AbortController()
    setCounts(null)
    const timer = window.setTimeout(async () => {
      try {
        const { signal } = controller
        const matched = await countWithin(filters, {}, signal)
        const classes = theme in compoundThemeClasses ? compoundThemeClasses[theme as CompoundThemeId] : []
        const ranged = classes.filter((cls) => cls.where !== null)
        const values = await Promise.all(ranged.map((cls) => countWithin(filters, cls.where ?? {}, signal)))
        const byClass = new Map(ranged.map((cls, i) => [cls.key, values[i] ?? 0]))
        // The catch-all class holds whatever the other classes do not.
        const rest = classes.find((cls) => cls.where === null)
        if (rest) byClass.set(rest.key, matched - values.reduce((a, b) => a + b, 0))
        if (!signal.aborted) setCounts({ matched, byClass })
      } catch (error) {
        if (!controller.signal.aborted) console.error('Counting compounds failed', error)
      }
    }, debounceMs)
    return () => {
      window.clearTimeout(timer)
      controller.abort()
    }
  }, [theme, filters, revision])
  return counts
}

/** The coverage rows a choropleth theme needs; empty for the other themes. */
export function useCoverageRows(theme: ThemeId): CoverageRow[] | null {
  const [rows, setRows] = useState<CoverageRow[] | null>(null)
  useEffect(() => {
    if (theme !== 'coverage-street' && theme !== 'coverage-community') {
      setRows([])
      return
    }
    const controller = new AbortController()
    setRows(null)
    fetchCoverage(
      theme === 'coverage-street' ? 'street' : 'community',
      {},
      { signal: controller.signal },
    ).then(
      (response) => setRows(response.rows),
      (error: unknown) => {
        if (!controller.signal.aborted) console.error('Loading coverage failed', error)
      },
    )
    return () => controller.abort()
  }, [theme])
  return rows
}
