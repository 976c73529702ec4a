// The dashboard's statistics in the query cache, keyed by endpoint and filter under `stats` (which a write to the
// compounds invalidates: see data-changed.ts).
import type { ContentGroupBy, CoverageGroupBy, FundingGroupBy, StatsFilter } from '@renewal-atlas/domain'
import { queryOptions } from '@tanstack/react-query'
import {
  fetchBuildEra,
  fetchContent,
  fetchCoverage,
  fetchFunding,
  fetchProgress,
  fetchReviewList,
  fetchStatsSettings,
  fetchSummary,
  type ReviewPage,
} from './stats.api.ts'

export const statsQueries = {
  settings: () =>
    queryOptions({
      queryKey: ['stats', 'settings'],
      queryFn: ({ signal }) => fetchStatsSettings({ signal }),
    }),
  summary: (filter: StatsFilter) =>
    queryOptions({
      queryKey: ['stats', 'summary', filter],
      queryFn: ({ signal }) => fetchSummary(filter, { signal }),
    }),
  coverage: (groupBy: CoverageGroupBy, filter: StatsFilter) =>
    queryOptions({
      queryKey: ['stats', 'coverage', groupBy, filter],
      queryFn: ({ signal }) => fetchCoverage(groupBy, filter, { signal }),
    }),
  progress: (filter: StatsFilter) =>
    queryOptions({
      queryKey: ['stats', 'progress', filter],
      queryFn: ({ signal }) => fetchProgress(filter, { signal }),
    }),
  content: (groupBy: ContentGroupBy, filter: StatsFilter) =>
    queryOptions({
      queryKey: ['stats', 'content', groupBy, filter],
      queryFn: ({ signal }) => fetchContent(groupBy, filter, { signal }),
    }),
  funding: (groupBy: FundingGroupBy, filter: StatsFilter) =>
    queryOptions({
      queryKey: ['stats', 'funding', groupBy, filter],
      queryFn: ({ signal }) => fetchFunding(groupBy, filter, { signal }),
    }),
  buildEra: (filter: StatsFilter) =>
    queryOptions({
      queryKey: ['stats', 'build-era', filter],
      queryFn: ({ signal }) => fetchBuildEra(filter, { signal }),
    }),
  reviewList: (street: string | undefined, page: ReviewPage) =>
    queryOptions({
      queryKey: ['stats', 'review-list', street ?? null, page],
      queryFn: ({ signal }) => fetchReviewList(street, page, { signal }),
    }),
}
