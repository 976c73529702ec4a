// Retrofit statistics for the dashboard, the downloads and the report: checks the named street and community,
// settles the year the figures are "as of" and the target, and shapes the rows the repository aggregates. Answers
// are kept until the data-changed signal says the data changed.
import {
  assessProgress,
  type BuildEraResponse,
  type ContentGroupBy,
  type ContentResponse,
  type CoverageGroupBy,
  type CoverageResponse,
  DEFAULT_PAGE_LIMIT,
  type FundingGroupBy,
  type FundingResponse,
  type HeadlineFigure,
  type HeadlineKey,
  headlineKey,
  OLD_COMPOUND_CUTOFF_YEAR,
  type ProgressResponse,
  type ReviewListResponse,
  recentPerYear,
  requiredPerYear,
  type StatsFilter,
  type StatsSettingsResponse,
  type SummaryResponse,
} from '@renewal-atlas/domain'
import { LRUCache } from 'lru-cache'
import type { DataChanges } from '../changes/data-changed.ts'
import { ValidationError } from '../http/errors.ts'
import type { HeadlineCounts, ScopeFilter, StatsRepository } from './stats.repository.ts'

export interface ReviewListParams {
  street?: string | undefined
  community?: string | undefined
  cutoffYear?: number | undefined
  limit?: number | undefined
  offset?: number | undefined
}

/** The seven headline figures, in the order of headlineKey. */
const HEADLINE_KEYS: readonly HeadlineKey[] = headlineKey.options

/** A figure with its change against the previous year; no change where there is no previous value. */
export function headlineFigure(key: HeadlineKey, value: number, previous: number | null): HeadlineFigure {
  const change = previous === null ? null : value - previous
  const changeRatio = change === null || !previous ? null : change / previous
  return { key, value, previous, change, changeRatio }
}

function previousOf(counts: HeadlineCounts, key: HeadlineKey): number | null {
  // The register carries no dates, so there is no "on the register a year ago".
  if (key === 'oldCompounds') return null
  return counts[`${key}Previous`]
}

/** Answers kept: every statistic of every street and year range a dashboard asks for fits many times over. */
const CACHED_ANSWERS = 500

export class StatsService {
  /**
   * Answers by method and arguments, kept until data changes: a room of leaders opening the dashboard costs one
   * set of aggregations. The data-changed signal clears it; no write needs to know it exists.
   */
  private readonly answers = new LRUCache<string, Promise<unknown>>({ max: CACHED_ANSWERS })

  constructor(
    private readonly stats: StatsRepository,
    changes: DataChanges,
  ) {
    changes.listen((changed) => {
      if (changed.some(({ topic }) => topic !== 'users')) this.answers.clear()
    })
  }

  /** The answer to `method(args)`: kept, shared by simultaneous requests, forgotten when it failed. */
  private cached<T>(method: string, args: unknown, compute: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([method, args])
    let answer = this.answers.get(key) as Promise<T> | undefined
    if (!answer) {
      answer = compute()
      this.answers.set(key, answer)
      answer.catch(() => {
        if (this.answers.get(key) === answer) this.answers.delete(key)
      })
    }
    return answer
  }

  /** Resolves the street code; an unknown code is a 400 naming `street`. */
  private async scope({ street, yearFrom, yearTo }: StatsFilter): Promise<ScopeFilter> {
    if (street === undefined) return { yearFrom, yearTo }
    const streetId = await this.stats.streetId(street)
    if (streetId === undefined) {
      throw new ValidationError([{ name: 'street', in: 'query', reason: `unknown street code ${street}` }])
    }
    return { streetId, yearFrom, yearTo }
  }

  /** yearTo, or else the latest renovation year on record (of the whole district, whatever the street). */
  private async asOfYear(f: StatsFilter): Promise<number> {
    if (f.yearTo !== undefined) return f.yearTo
    return (await this.stats.renovationYears()).last ?? new Date().getFullYear()
  }

  private async cutoffYear(streetId?: number): Promise<number> {
    return (await this.stats.district(streetId))?.cutoffYear ?? OLD_COMPOUND_CUTOFF_YEAR.national
  }

  coverage({
    groupBy = 'district',
    ...filter
  }: { groupBy?: CoverageGroupBy | undefined } & StatsFilter): Promise<CoverageResponse> {
    return this.cached('coverage', [groupBy, filter], async () => ({
      groupBy,
      rows: await this.stats.coverage(groupBy, await this.scope(filter)),
    }))
  }

  summary(filter: StatsFilter): Promise<SummaryResponse> {
    return this.cached('summary', filter, () => this.computeSummary(filter))
  }

  private async computeSummary(filter: StatsFilter): Promise<SummaryResponse> {
    const scope = await this.scope(filter)
    const asOfYear = await this.asOfYear(filter)
    const counts = await this.stats.headline(scope, asOfYear)
    return {
      asOfYear,
      previousYear: asOfYear - 1,
      rows: HEADLINE_KEYS.map((key) => headlineFigure(key, counts[key], previousOf(counts, key))),
    }
  }

  progress(filter: StatsFilter): Promise<ProgressResponse> {
    return this.cached('progress', filter, () => this.computeProgress(filter))
  }

  private async computeProgress(filter: StatsFilter): Promise<ProgressResponse> {
    const scope = await this.scope(filter)
    const asOfYear = await this.asOfYear(filter)
    const [oldCompounds, counted, years, district] = await Promise.all([
      this.stats.oldCompounds(scope),
      this.stats.firstRenovationYear(scope, asOfYear),
      this.stats.renovationYears(),
      this.stats.district(scope.streetId),
    ])
    // Without renovations in the filter, the chart still starts at the district's first year (within the
    // range asked for), so a street that has none shows its zeros beside the target line.
    const firstYear =
      counted ??
      Math.min(Math.max(years.first ?? asOfYear, filter.yearFrom ?? Number.NEGATIVE_INFINITY), asOfYear)
    const target = district ? await this.stats.targetFor(district.id, asOfYear) : null
    const targetCompounds = target ? Math.ceil(target.oldCompoundShare * oldCompounds) : null
    const line =
      target && targetCompounds !== null && target.year >= firstYear
        ? { fromYear: firstYear - 1, toYear: target.year, compounds: targetCompounds }
        : null
    const rows = await this.stats.progressRows(scope, firstYear, asOfYear, oldCompounds, line)
    const cumulative = rows.at(-1)?.cumulativeRenovatedOldCompounds ?? 0
    const facts = {
      oldCompounds,
      target,
      targetCompounds,
      requiredPerYear: requiredPerYear(targetCompounds, target?.year ?? null, cumulative, asOfYear),
      recentPerYear: recentPerYear(rows),
      asOfYear,
      rows,
    }
    // Computed here, once, so the dashboard and the PDF state the same standing, projected year and verdict.
    return { ...facts, outlook: assessProgress(facts) }
  }

  content({
    groupBy = 'category',
    ...filter
  }: { groupBy?: ContentGroupBy | undefined } & StatsFilter): Promise<ContentResponse> {
    return this.cached('content', [groupBy, filter], async () => ({
      groupBy,
      rows: await this.stats.content(groupBy, await this.scope(filter)),
    }))
  }

  funding({
    groupBy = 'district',
    ...filter
  }: { groupBy?: FundingGroupBy | undefined } & StatsFilter): Promise<FundingResponse> {
    return this.cached('funding', [groupBy, filter], async () => ({
      groupBy,
      rows: await this.stats.funding(groupBy, await this.scope(filter)),
    }))
  }

  /** Build decades of the street's or district's compounds; the year range does not apply to stock. */
  buildEra({ street }: StatsFilter): Promise<BuildEraResponse> {
    return this.cached('buildEra', street ?? null, async () => {
      const scope = await this.scope({ street })
      const cutoffYear = await this.cutoffYear(scope.streetId)
      return { cutoffYear, rows: await this.stats.buildEra(scope, cutoffYear) }
    })
  }

  /** The review list, paged; `all` gives every matching row (for downloads). */
  reviewList(q: ReviewListParams, { all = false }: { all?: boolean } = {}): Promise<ReviewListResponse> {
    return this.cached('reviewList', [q, all], () => this.computeReviewList(q, all))
  }

  private async computeReviewList(q: ReviewListParams, all: boolean): Promise<ReviewListResponse> {
    const { streetId } = await this.scope({ street: q.street })
    let communityId: number | undefined
    if (q.community !== undefined) {
      communityId = await this.stats.communityId(q.community)
      if (communityId === undefined) {
        throw new ValidationError([
          { name: 'community', in: 'query', reason: `unknown community code ${q.community}` },
        ])
      }
    }
    const cutoffYear = q.cutoffYear ?? (await this.cutoffYear(streetId))
    const page = all ? undefined : { limit: q.limit ?? DEFAULT_PAGE_LIMIT, offset: q.offset ?? 0 }
    const { total, rows } = await this.stats.reviewList({ streetId, communityId, cutoffYear }, page)
    return { cutoffYear, numberMatched: total, numberReturned: rows.length, rows }
  }

  settings(): Promise<StatsSettingsResponse> {
    return this.cached('settings', null, () => this.computeSettings())
  }

  private async computeSettings(): Promise<StatsSettingsResponse> {
    const [district, yearRange, syntheticData] = await Promise.all([
      this.stats.district(),
      this.stats.renovationYears(),
      this.stats.hasSyntheticCompounds(),
    ])
    return {
      oldCompoundCutoffYear: district?.cutoffYear ?? OLD_COMPOUND_CUTOFF_YEAR.national,
      nationalCutoffYear: OLD_COMPOUND_CUTOFF_YEAR.national,
      targets: district ? await this.stats.targets(district.id) : [],
      yearRange,
      syntheticData,
    }
  }
}
