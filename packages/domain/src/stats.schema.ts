// Retrofit statistics for leadership (改造统计): coverage, headline figures, progress against targets,
// renovation content, funding, build era and the review list. One filter (street, renovation-year range)
// applies to every endpoint; every endpoint's rows also download as CSV or Excel (`format`).
import { z } from 'zod'
import { communityCodeParam, intParam, pageParams, streetCodeParam } from './api.schema.ts'

/** Earliest and latest year a statistics filter accepts: the founding of the PRC to the end of the century. */
export const STATS_YEAR_RANGE = { min: 1949, max: 2100 } as const

export const statsFormat = z
  .enum(['json', 'csv', 'xlsx'], { error: 'format must be one of json, csv, xlsx' })
  .meta({ description: 'json (default), csv (UTF-8 with BOM, Chinese headers) or xlsx (Excel workbook)' })
export type StatsFormat = z.infer<typeof statsFormat>

export const statsLanguage = z
  .enum(['zh', 'en'], { error: 'lang must be zh or en' })
  .meta({ description: 'language of headers and names in downloads: zh (default) or en' })
export type StatsLanguage = z.infer<typeof statsLanguage>

/**
 * The filter every statistics endpoint takes. `street` narrows to one street; `yearFrom`/`yearTo` narrow the
 * renovations counted (a compound's renovation year, a project's completion year or, while under way, its
 * start year). Stock figures (compounds, old compounds, households, build era) ignore the year range.
 */
const filterShape = {
  street: streetCodeParam.optional().meta({ description: '9-digit street code', example: '510104017' }),
  yearFrom: intParam('yearFrom', STATS_YEAR_RANGE.min, STATS_YEAR_RANGE.max)
    .optional()
    .meta({ description: 'first renovation year counted', example: '2019' }),
  yearTo: intParam('yearTo', STATS_YEAR_RANGE.min, STATS_YEAR_RANGE.max)
    .optional()
    .meta({ description: 'last renovation year counted; also the year the headline figures are "as of"' }),
}
const downloadShape = {
  format: statsFormat.optional(),
  lang: statsLanguage.optional(),
}

/** yearFrom after yearTo is refused, naming yearFrom. */
function orderedYears(
  q: { yearFrom?: number | undefined; yearTo?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (q.yearFrom !== undefined && q.yearTo !== undefined && q.yearFrom > q.yearTo) {
    ctx.addIssue({ code: 'custom', path: ['yearFrom'], message: 'yearFrom must not be later than yearTo' })
  }
}

export interface StatsFilter {
  street?: string | undefined
  yearFrom?: number | undefined
  yearTo?: number | undefined
}

export const statsQuery = z.strictObject({ ...filterShape, ...downloadShape }).superRefine(orderedYears)
export type StatsQuery = z.infer<typeof statsQuery>

// ---- coverage ----

export const coverageGroupBy = z.enum(['district', 'street', 'community', 'year'], {
  error: 'groupBy must be one of district, street, community, year',
})
export type CoverageGroupBy = z.infer<typeof coverageGroupBy>

export const coverageQuery = z
  .strictObject({
    groupBy: coverageGroupBy.optional().meta({ description: 'grouping of the rows (default district)' }),
    ...filterShape,
    ...downloadShape,
  })
  .superRefine(orderedYears)
export type CoverageQuery = z.infer<typeof coverageQuery>

export const coverageRow = z
  .object({
    key: z.string().meta({
      description: 'district, street or community code; for year rows the renovation year, e.g. "2021"',
    }),
    name: z.string(),
    compounds: z.number().int(),
    oldCompounds: z.number().int().meta({ description: 'compounds on the old-compound register' }),
    renovatedOldCompounds: z.number().int(),
    coverage: z.number().min(0).max(1).meta({
      description:
        'renovated old compounds ÷ old compounds, 0–1; for year rows the share of all old compounds renovated by the end of that year',
    }),
    households: z.number().int(),
    householdsBenefiting: z.number().int().meta({ description: 'households of renovated old compounds' }),
  })
  .meta({ id: 'CoverageRow' })
export type CoverageRow = z.infer<typeof coverageRow>

export const coverageResponse = z
  .object({ groupBy: coverageGroupBy, rows: z.array(coverageRow) })
  .meta({ id: 'CoverageResponse' })
export type CoverageResponse = z.infer<typeof coverageResponse>

// ---- headline figures ----

export const headlineKey = z.enum([
  'compounds',
  'oldCompounds',
  'renovatedOldCompounds',
  'coverage',
  'householdsBenefiting',
  'residentsBenefiting',
  'floorAreaRenovatedM2',
])
export type HeadlineKey = z.infer<typeof headlineKey>

export const headlineFigure = z
  .object({
    key: headlineKey,
    value: z.number(),
    previous: z.number().nullable().meta({
      description: 'the same figure at the end of the previous year; null where no history is recorded',
    }),
    change: z
      .number()
      .nullable()
      .meta({ description: 'value − previous (for coverage in share points, 0–1)' }),
    changeRatio: z
      .number()
      .nullable()
      .meta({ description: 'change ÷ previous; null when previous is null or 0' }),
  })
  .meta({ id: 'HeadlineFigure' })
export type HeadlineFigure = z.infer<typeof headlineFigure>

export const summaryResponse = z
  .object({
    asOfYear: z.number().int().meta({
      description:
        'figures are as of the end of this year: yearTo, or else the latest renovation year on record',
    }),
    previousYear: z.number().int(),
    rows: z
      .array(headlineFigure)
      .meta({ description: 'the seven figures, always in the order of headlineKey' }),
  })
  .meta({ id: 'SummaryResponse' })
export type SummaryResponse = z.infer<typeof summaryResponse>

// ---- progress against the target ----

export const progressRow = z
  .object({
    year: z.number().int(),
    renovatedOldCompounds: z.number().int().meta({ description: 'old compounds renovated in this year' }),
    householdsBenefiting: z.number().int(),
    cumulativeRenovatedOldCompounds: z
      .number()
      .int()
      .meta({ description: 'renovated by the end of this year' }),
    cumulativeHouseholdsBenefiting: z.number().int(),
    coverage: z.number().min(0).max(1).meta({ description: 'cumulative ÷ old compounds' }),
    targetCumulative: z.number().nullable().meta({
      description:
        'old compounds the target line calls for by the end of this year (straight line from the last year before the first row, at 0, to the target); null without a target or after its year',
    }),
  })
  .meta({ id: 'ProgressRow' })
export type ProgressRow = z.infer<typeof progressRow>

export const renovationTarget = z
  .object({
    id: z.number().int(),
    year: z.number().int().meta({ description: 'the target is due by the end of this year' }),
    oldCompoundShare: z.number().min(0).max(1).meta({ description: 'share of the register to be renovated' }),
    name: z.string().meta({ description: 'the target in Chinese' }),
    nameEn: z.string(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'RenovationTarget' })
export type RenovationTarget = z.infer<typeof renovationTarget>

/** Where the cumulative count stands against the straight-line target path at the end of asOfYear. */
export const pathStanding = z.enum(['ahead', 'on', 'behind'])
export type PathStanding = z.infer<typeof pathStanding>

/**
 * The verdict on the target, from both measures: the standing against the target path today and the year the
 * target is reached at the recent pace. `onTrack`: not behind the path and in time at the recent pace;
 * `catchingUp`: behind the path but in time at the recent pace; `slowing`: not behind the path but late at the
 * recent pace; `behind`: behind the path and late; `met`, `missed` once the target is reached or its year has
 * come; `noTarget`.
 */
export const progressVerdict = z.enum([
  'noTarget',
  'met',
  'missed',
  'onTrack',
  'catchingUp',
  'slowing',
  'behind',
])
export type ProgressVerdict = z.infer<typeof progressVerdict>

/** How the verdict is coloured: by the worse of the two measures (behind the path: warning; late: bad). */
export const progressTone = z.enum(['good', 'warning', 'bad', 'neutral'])
export type ProgressTone = z.infer<typeof progressTone>

export const progressOutlook = z
  .object({
    cumulative: z
      .number()
      .int()
      .meta({ description: 'old compounds renovated by the end of asOfYear (within the filter)' }),
    pathToday: z.number().nullable().meta({
      description:
        'what the straight-line target path calls for by the end of asOfYear (the target itself once its year has come); null without a target or a path',
    }),
    gapToPath: z.number().int().nullable().meta({
      description:
        'cumulative − pathToday, rounded to whole compounds: positive ahead of the path, negative behind',
    }),
    standing: pathStanding
      .nullable()
      .meta({ description: 'ahead of, on (gap rounds to 0) or behind the path' }),
    remaining: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'old compounds still to renovate to meet the target; 0 once met' }),
    reachYear: z.number().int().nullable().meta({
      description:
        'the year the target is reached if the recent pace (recentPerYear) goes on: asOfYear + ceil(remaining ÷ recentPerYear); null when already met, without a target, or with no recent renovations',
    }),
    inTime: z.boolean().nullable().meta({
      description: 'reachYear is no later than the target year (the recent pace ≥ the pace required)',
    }),
    verdict: progressVerdict,
    tone: progressTone,
  })
  .meta({ id: 'ProgressOutlook' })
export type ProgressOutlook = z.infer<typeof progressOutlook>

export const progressResponse = z
  .object({
    oldCompounds: z.number().int(),
    target: renovationTarget
      .nullable()
      .meta({ description: 'the earliest target not yet past, else the latest' }),
    targetCompounds: z.number().int().nullable().meta({
      description: 'old compounds the target calls for within the filter: ceil(share × old compounds)',
    }),
    requiredPerYear: z.number().nullable().meta({
      description: 'old compounds per year still needed from the year after asOfYear to the target year',
    }),
    recentPerYear: z
      .number()
      .meta({ description: 'mean old compounds renovated per year over the last three years' }),
    asOfYear: z.number().int(),
    rows: z
      .array(progressRow)
      .meta({ description: 'every year from the first renovation to asOfYear, gaps as 0' }),
    outlook: progressOutlook.meta({
      description:
        'the standing against the target path today, the year the target is reached at the recent pace, and the verdict on both (the dashboard and the PDF state these)',
    }),
  })
  .meta({ id: 'ProgressResponse' })
export type ProgressResponse = z.infer<typeof progressResponse>

// ---- renovation content ----

export const contentGroupBy = z.enum(['category', 'itemType'], {
  error: 'groupBy must be one of category, itemType',
})
export type ContentGroupBy = z.infer<typeof contentGroupBy>

export const contentQuery = z
  .strictObject({
    groupBy: contentGroupBy.optional().meta({ description: 'category (default) or itemType' }),
    ...filterShape,
    ...downloadShape,
  })
  .superRefine(orderedYears)
export type ContentQuery = z.infer<typeof contentQuery>

export const contentRow = z
  .object({
    key: z.string().meta({ description: 'item category (basic, improvement, upgrade, safety) or item type' }),
    name: z.string().meta({ description: 'Chinese label' }),
    category: z.string().meta({ description: 'the category (for category rows, the key itself)' }),
    items: z.number().int(),
    projects: z.number().int().meta({ description: 'projects with at least one such item' }),
    costYuan: z.number(),
    costShare: z.number().min(0).max(1).meta({ description: 'share of the cost of all rows' }),
  })
  .meta({ id: 'ContentRow' })
export type ContentRow = z.infer<typeof contentRow>

export const contentResponse = z
  .object({ groupBy: contentGroupBy, rows: z.array(contentRow) })
  .meta({ id: 'ContentResponse' })
export type ContentResponse = z.infer<typeof contentResponse>

// ---- funding ----

export const fundingGroupBy = z.enum(['district', 'street'], {
  error: 'groupBy must be one of district, street',
})
export type FundingGroupBy = z.infer<typeof fundingGroupBy>

export const fundingQuery = z
  .strictObject({
    groupBy: fundingGroupBy.optional().meta({ description: 'district (default) or street' }),
    ...filterShape,
    ...downloadShape,
  })
  .superRefine(orderedYears)
export type FundingQuery = z.infer<typeof fundingQuery>

export const fundingRow = z
  .object({
    key: z.string().meta({ description: 'district or street code' }),
    name: z.string(),
    projects: z.number().int(),
    fiscal: z.number(),
    enterprise: z.number(),
    residents: z.number(),
    socialCapital: z.number(),
    total: z.number(),
  })
  .meta({ id: 'FundingRow', description: 'funding of renovation projects by source, yuan' })
export type FundingRow = z.infer<typeof fundingRow>

export const fundingResponse = z
  .object({ groupBy: fundingGroupBy, rows: z.array(fundingRow) })
  .meta({ id: 'FundingResponse' })
export type FundingResponse = z.infer<typeof fundingResponse>

// ---- build era and the review list ----

export const buildEraRow = z
  .object({
    key: z
      .string()
      .meta({ description: 'decade such as "1990", or "unknown" for compounds without a build year' }),
    name: z.string().meta({ description: 'e.g. "1990–1999" or "未知"' }),
    compounds: z.number().int(),
    oldCompounds: z.number().int(),
    renovatedOldCompounds: z.number().int(),
    beforeCutoffNotOnRegister: z.number().int().meta({
      description: 'built no later than the cut-off year but not on the register: the review list',
    }),
    households: z.number().int(),
  })
  .meta({ id: 'BuildEraRow' })
export type BuildEraRow = z.infer<typeof buildEraRow>

export const buildEraResponse = z
  .object({ cutoffYear: z.number().int(), rows: z.array(buildEraRow) })
  .meta({ id: 'BuildEraResponse' })
export type BuildEraResponse = z.infer<typeof buildEraResponse>

export const reviewListQuery = z.strictObject({
  street: filterShape.street,
  community: communityCodeParam.optional(),
  cutoffYear: intParam('cutoffYear', STATS_YEAR_RANGE.min, STATS_YEAR_RANGE.max).optional().meta({
    description: "policy cut-off year (default: the district's, 2004 in Chengdu; nationally 2000)",
  }),
  ...pageParams,
  ...downloadShape,
})
export type ReviewListQuery = z.infer<typeof reviewListQuery>

export const reviewRow = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    streetCode: z.string(),
    streetName: z.string(),
    communityCode: z.string(),
    communityName: z.string(),
    builtYear: z.number().int(),
    buildingCount: z.number().int(),
    households: z.number().int(),
    renovationStatus: z.string(),
  })
  .meta({ id: 'ReviewRow' })
export type ReviewRow = z.infer<typeof reviewRow>

export const reviewListResponse = z
  .object({
    cutoffYear: z.number().int(),
    numberMatched: z.number().int(),
    numberReturned: z.number().int(),
    rows: z.array(reviewRow).meta({ description: 'oldest first, then by code; downloads hold every row' }),
  })
  .meta({ id: 'ReviewListResponse' })
export type ReviewListResponse = z.infer<typeof reviewListResponse>

// ---- settings the statistics read ----

export const statsSettingsResponse = z
  .object({
    oldCompoundCutoffYear: z.number().int().meta({ description: "the district's cut-off (2004 in Chengdu)" }),
    nationalCutoffYear: z.number().int().meta({ description: 'the national cut-off, 2000' }),
    targets: z.array(renovationTarget),
    yearRange: z.object({
      first: z.number().int().nullable().meta({ description: 'first renovation year on record' }),
      last: z.number().int().nullable().meta({ description: 'latest renovation year on record' }),
    }),
    syntheticData: z.boolean().meta({
      description: 'true when the compounds are synthetic (the demo data set), so views can say so',
    }),
  })
  .meta({ id: 'StatsSettingsResponse' })
export type StatsSettingsResponse = z.infer<typeof statsSettingsResponse>

// ---- the printable report ----

export const reportQuery = z
  .strictObject({ ...filterShape, lang: statsLanguage.optional() })
  .superRefine(orderedYears)
export type ReportQuery = z.infer<typeof reportQuery>
