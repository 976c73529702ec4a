// Retrofit statistics (改造统计): the dashboard's JSON endpoints, and the links of their CSV, Excel and PDF
// downloads. Every request carries the dashboard's filter (street, renovation-year range).
import {
  buildEraResponse,
  type ContentGroupBy,
  type CoverageGroupBy,
  contentResponse,
  coverageResponse,
  type FundingGroupBy,
  fundingResponse,
  progressResponse,
  reviewListResponse,
  type StatsFilter,
  type StatsLanguage,
  statsSettingsResponse,
  summaryResponse,
} from '@renewal-atlas/domain'
import { apiBasePath, getJson, type RequestOptions } from './http-client.ts'

/** The query parameters of a statistics filter; unset parts are left out. */
export function statsFilterQuery(filter: StatsFilter): URLSearchParams {
  const query = new URLSearchParams()
  if (filter.street !== undefined) query.set('street', filter.street)
  if (filter.yearFrom !== undefined) query.set('yearFrom', String(filter.yearFrom))
  if (filter.yearTo !== undefined) query.set('yearTo', String(filter.yearTo))
  return query
}

type Extra = Record<string, string | number | undefined>

function statsPath(endpoint: string, filter: StatsFilter, extra: Extra = {}): string {
  const query = statsFilterQuery(filter)
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined) query.set(name, String(value))
  }
  const search = query.toString()
  return `/stats/${endpoint}${search ? `?${search}` : ''}`
}

export function fetchCoverage(groupBy: CoverageGroupBy, filter: StatsFilter, options: RequestOptions = {}) {
  return getJson(statsPath('coverage', filter, { groupBy }), coverageResponse, options)
}

export function fetchSummary(filter: StatsFilter, options: RequestOptions = {}) {
  return getJson(statsPath('summary', filter), summaryResponse, options)
}

export function fetchProgress(filter: StatsFilter, options: RequestOptions = {}) {
  return getJson(statsPath('progress', filter), progressResponse, options)
}

export function fetchContent(groupBy: ContentGroupBy, filter: StatsFilter, options: RequestOptions = {}) {
  return getJson(statsPath('renovation-content', filter, { groupBy }), contentResponse, options)
}

export function fetchFunding(groupBy: FundingGroupBy, filter: StatsFilter, options: RequestOptions = {}) {
  return getJson(statsPath('funding', filter, { groupBy }), fundingResponse, options)
}

export function fetchBuildEra(filter: StatsFilter, options: RequestOptions = {}) {
  return getJson(statsPath('build-era', filter), buildEraResponse, options)
}

export interface ReviewPage {
  limit: number
  offset: number
}

/** The review list ignores the year range: it is about stock, not renovations. */
export function fetchReviewList(street: string | undefined, page: ReviewPage, options: RequestOptions = {}) {
  return getJson(
    statsPath('review-list', street ? { street } : {}, { limit: page.limit, offset: page.offset }),
    reviewListResponse,
    options,
  )
}

export function fetchStatsSettings(options: RequestOptions = {}) {
  return getJson('/stats/settings', statsSettingsResponse, options)
}

/** The endpoints whose rows download as a table. */
export type StatsTableEndpoint =
  | 'coverage'
  | 'summary'
  | 'progress'
  | 'renovation-content'
  | 'funding'
  | 'build-era'
  | 'review-list'

/** A same-origin link to a table's download: `format=csv|xlsx`, headers in `lang`, under the filter. */
export function statsDownloadUrl(
  endpoint: StatsTableEndpoint,
  filter: StatsFilter,
  format: 'csv' | 'xlsx',
  lang: StatsLanguage,
  extra: Extra = {},
): string {
  return `${apiBasePath}${statsPath(endpoint, filter, { ...extra, format, lang })}`
}

/** The printable A4 report of the whole dashboard under the filter. */
export function reportPdfUrl(filter: StatsFilter, lang: StatsLanguage): string {
  return `${apiBasePath}${statsPath('report.pdf', filter, { lang })}`
}
