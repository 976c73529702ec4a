// What the report is drawn from: the statistics service's responses for one filter.
import type {
  BuildEraResponse,
  ContentResponse,
  CoverageResponse,
  FundingResponse,
  FundingRow,
  ProgressResponse,
  ReviewListResponse,
  SummaryResponse,
} from '@renewal-atlas/domain'

/** Everything the report shows, gathered from the statistics service for one filter. */
export interface ReportData {
  generatedAt: Date
  /** The filter in words, e.g. "锦江区 · 2019–2021年" (see describeFilter). */
  filterLabel: string
  /** The data set holds synthetic (demo) records: the footer says so. */
  synthetic: boolean
  summary: SummaryResponse
  /** Street rows, or the community rows of the street the report is filtered to. */
  coverage: CoverageResponse
  progress: ProgressResponse
  /** Grouped by category. */
  content: ContentResponse
  /** Street rows. */
  funding: FundingResponse
  /** The district row (or the street's, when filtered): the totals. */
  fundingTotal: FundingRow
  buildEra: BuildEraResponse
  /** The first rows of the review list and how many there are in all. */
  review: ReviewListResponse
}
