// The order in which the dashboard and the printed report list areas, renovation content and funding: one rule
// each, with ties broken by a stated key, so that the order depends neither on the database nor on the language.
import type { ContentRow, CoverageRow, FundingRow } from './stats.schema.ts'

/** Codes are ASCII: compared by code unit, not by a locale's collation. */
function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

type RankedCoverage = Pick<CoverageRow, 'key' | 'oldCompounds' | 'renovatedOldCompounds' | 'coverage'>

/**
 * Areas (streets or communities) from the highest coverage down. An area with no old compounds has nothing to
 * cover and comes after every area that has some. Ties: more old compounds renovated first, then by code.
 */
export function rankCoverage<T extends RankedCoverage>(rows: readonly T[]): T[] {
  const nothingToCover = (row: T) => (row.oldCompounds === 0 ? 1 : 0)
  return [...rows].sort(
    (a, b) =>
      nothingToCover(a) - nothingToCover(b) ||
      b.coverage - a.coverage ||
      b.renovatedOldCompounds - a.renovatedOldCompounds ||
      byCode(a.key, b.key),
  )
}

/** What the renovation content is measured by: the number of items or their cost. */
export type ContentMeasure = 'items' | 'money'

/** Content rows (categories or item types) by the measure, largest first; ties by key. */
export function rankContent<T extends Pick<ContentRow, 'key' | 'items' | 'costYuan'>>(
  rows: readonly T[],
  measure: ContentMeasure,
): T[] {
  const value = (row: T) => (measure === 'items' ? row.items : row.costYuan)
  return [...rows].sort((a, b) => value(b) - value(a) || byCode(a.key, b.key))
}

/**
 * The categories of ranked content rows in the order their bars are drawn (by category, or by the first item type
 * of each), then any of `categories` not drawn, in their own order: a legend that reads like the bars.
 */
export function contentCategoryOrder<C extends string>(
  ranked: readonly Pick<ContentRow, 'category'>[],
  categories: readonly C[],
): C[] {
  const drawn = ranked
    .map((row) => row.category)
    .filter((c): c is C => (categories as readonly string[]).includes(c))
  return [...new Set([...drawn, ...categories])]
}

/** Areas by total funding, largest first; ties by code. */
export function rankFunding<T extends Pick<FundingRow, 'key' | 'total'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.total - a.total || byCode(a.key, b.key))
}
