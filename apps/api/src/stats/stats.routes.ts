// GET /api/v1/stats/*: retrofit statistics for leadership as JSON, or with `format=csv|xlsx` as a download of
// the rows with the table definition from stats.tables.ts.
import {
  buildEraResponse,
  buildEraTable,
  contentQuery,
  contentResponse,
  contentTables,
  coverageQuery,
  coverageResponse,
  coverageTables,
  fundingQuery,
  fundingResponse,
  fundingTables,
  type HeadlineTableRow,
  headlineLabels,
  progressResponse,
  progressTable,
  reviewListQuery,
  reviewListResponse,
  reviewTable,
  type StatsFilter,
  type StatsFormat,
  type StatsLanguage,
  statsQuery,
  statsSettingsResponse,
  summaryResponse,
  summaryTable,
  type TableDefinition,
} from '@renewal-atlas/domain'
import { type Response, Router } from 'express'
import { z } from 'zod'
import { parseQuery } from '../http/validate.ts'
import { readErrors, registry } from '../openapi/registry.ts'
import { sendDownload } from './downloads.ts'
import type { StatsService } from './stats.service.ts'

const TAGS = ['Statistics 统计']
/** Settings take no parameters: anything given is refused as unknown. */
const settingsQuery = z.strictObject({})
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** 200 as JSON, or with `format` as a CSV or Excel download of the same rows. */
function statsResponses(schema: z.ZodType, description: string, downloads = true) {
  const content = {
    'application/json': { schema },
    ...(downloads && {
      'text/csv': {
        schema: {
          type: 'string' as const,
          description: 'with format=csv: UTF-8 with BOM, CRLF, headers in the language of `lang`',
        },
      },
      [XLSX]: {
        schema: {
          type: 'string' as const,
          format: 'binary',
          description: 'with format=xlsx: an Excel workbook of one sheet',
        },
      },
    }),
  }
  return { 200: { description, content }, ...readErrors }
}

const routes = [
  {
    path: '/api/v1/stats/coverage',
    summary: 'Coverage of old-compound renovation by district, street, community or renovation year',
    description:
      'Coverage = renovated old compounds ÷ compounds on the old-compound register. Stock counts take every compound of the street or district; renovations count within yearFrom–yearTo.',
    query: coverageQuery,
    response: statsResponses(coverageResponse, 'Coverage rows'),
  },
  {
    path: '/api/v1/stats/summary',
    summary: 'Headline figures with their year-on-year change',
    description:
      'The seven headline figures as of the end of yearTo (else the latest renovation year) and of the year before.',
    query: statsQuery,
    response: statsResponses(summaryResponse, 'Headline figures'),
  },
  {
    path: '/api/v1/stats/progress',
    summary: 'Old compounds renovated per year and cumulatively, against the renovation target',
    query: statsQuery,
    response: statsResponses(progressResponse, 'Progress rows and the target'),
  },
  {
    path: '/api/v1/stats/renovation-content',
    summary: 'Renovation items and their cost by category (基础/完善/提升/安全) or by item type',
    query: contentQuery,
    response: statsResponses(contentResponse, 'Renovation content rows, costliest first'),
  },
  {
    path: '/api/v1/stats/funding',
    summary: 'Funding of renovation projects by source (fiscal, enterprise, residents, social capital)',
    query: fundingQuery,
    response: statsResponses(fundingResponse, 'Funding rows in yuan'),
  },
  {
    path: '/api/v1/stats/build-era',
    summary: 'Compounds by build decade, with those built before the cut-off year but not on the register',
    description: 'The year range does not apply (build era is stock); street does.',
    query: statsQuery,
    response: statsResponses(buildEraResponse, 'Build-era rows'),
  },
  {
    path: '/api/v1/stats/review-list',
    summary:
      'Review list: compounds built no later than the cut-off year but not on the old-compound register',
    description: 'Paged with limit and offset; a download holds every matching row.',
    query: reviewListQuery,
    response: statsResponses(reviewListResponse, 'A page of the review list'),
  },
  {
    path: '/api/v1/stats/settings',
    summary: 'Settings the statistics read: cut-off years, renovation targets and the years on record',
    query: settingsQuery,
    response: statsResponses(statsSettingsResponse, 'Statistics settings', false),
  },
]
for (const { path, summary, description, query, response } of routes) {
  registry.registerPath({
    method: 'get',
    path,
    tags: TAGS,
    summary,
    ...(description && { description }),
    request: { query },
    responses: response,
  })
}

type Download = { format?: StatsFormat | undefined; lang?: StatsLanguage | undefined } & StatsFilter

/** Sends `rows` as a download when `format` asks for one; false when the answer is JSON. */
async function downloaded<Row>(
  res: Response,
  { format, lang, street, yearFrom, yearTo }: Download,
  table: TableDefinition<Row>,
  rows: readonly Row[],
): Promise<boolean> {
  if (format !== 'csv' && format !== 'xlsx') return false
  await sendDownload(res, {
    table,
    rows,
    format,
    lang: lang ?? 'zh',
    filter: { street, yearFrom, yearTo },
  })
  return true
}

export function statsRoutes(service: StatsService): Router {
  const router = Router()

  router.get('/stats/coverage', async (req, res) => {
    const { format, lang, ...query } = parseQuery(coverageQuery, req)
    const body = await service.coverage(query)
    if (await downloaded(res, { format, lang, ...query }, coverageTables[body.groupBy], body.rows)) return
    res.json(body)
  })

  router.get('/stats/summary', async (req, res) => {
    const { format, lang, ...filter } = parseQuery(statsQuery, req)
    const body = await service.summary(filter)
    const labelled: HeadlineTableRow[] = body.rows.map((row) => ({
      ...row,
      label: headlineLabels[row.key][lang ?? 'zh'],
    }))
    if (await downloaded(res, { format, lang, ...filter }, summaryTable, labelled)) return
    res.json(body)
  })

  router.get('/stats/progress', async (req, res) => {
    const { format, lang, ...filter } = parseQuery(statsQuery, req)
    const body = await service.progress(filter)
    if (await downloaded(res, { format, lang, ...filter }, progressTable, body.rows)) return
    res.json(body)
  })

  router.get('/stats/renovation-content', async (req, res) => {
    const { format, lang, ...query } = parseQuery(contentQuery, req)
    const body = await service.content(query)
    if (await downloaded(res, { format, lang, ...query }, contentTables[body.groupBy], body.rows)) return
    res.json(body)
  })

  router.get('/stats/funding', async (req, res) => {
    const { format, lang, ...query } = parseQuery(fundingQuery, req)
    const body = await service.funding(query)
    if (await downloaded(res, { format, lang, ...query }, fundingTables[body.groupBy], body.rows)) return
    res.json(body)
  })

  router.get('/stats/build-era', async (req, res) => {
    const { format, lang, ...filter } = parseQuery(statsQuery, req)
    const body = await service.buildEra(filter)
    // The file is named by the street only: the year range does not apply to build era.
    const download = { format, lang, street: filter.street }
    if (await downloaded(res, download, buildEraTable, body.rows)) return
    res.json(body)
  })

  router.get('/stats/review-list', async (req, res) => {
    const { format, lang, ...query } = parseQuery(reviewListQuery, req)
    const all = format === 'csv' || format === 'xlsx'
    const body = await service.reviewList(query, { all })
    if (await downloaded(res, { format, lang, street: query.street }, reviewTable, body.rows)) return
    res.json(body)
  })

  router.get('/stats/settings', async (req, res) => {
    parseQuery(settingsQuery, req)
    res.json(await service.settings())
  })

  return router
}
