// GET /api/v1/stats/report.pdf: the printable statistics report (A4 landscape PDF) for one filter.
import { type FundingRow, reportQuery, type StatsFilter, type StatsLanguage } from '@renewal-atlas/domain'
import { describeFilter, type ReportData, renderReportPdf } from '@renewal-atlas/report'
import { Router } from 'express'
import { parseQuery } from '../http/validate.ts'
import { readErrors, registry } from '../openapi/registry.ts'
import { attachment, filterSuffix } from './downloads.ts'
import type { StatsService } from './stats.service.ts'

/** Rows of the review list printed; the count of all of them is printed too. */
const REVIEW_ROWS = 15

const REPORT_TITLE: Record<StatsLanguage, string> = {
  zh: '老旧小区改造统计报告',
  en: 'Old-compound renovation report',
}

registry.registerPath({
  method: 'get',
  path: '/api/v1/stats/report.pdf',
  tags: ['Statistics 统计'],
  summary: 'The statistics report as a printable PDF (A4 landscape, three pages)',
  description:
    'Headline figures with their change on the previous year, coverage by street (or by community when ' +
    '`street` is given), progress against the target, renovation content, funding by source, build era and ' +
    'the first rows of the review list, computed from the database when asked. Chinese unless `lang=en`; ' +
    'street and community names stay Chinese.',
  request: { query: reportQuery },
  responses: {
    200: {
      description: 'The report, as an attachment named renewal-atlas-report[-street][-from-to].pdf',
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    },
    ...readErrors,
  },
})

export function reportRoutes(service: StatsService): Router {
  const router = Router()
  router.get('/stats/report.pdf', async (req, res) => {
    const { lang = 'zh', ...filter } = parseQuery(reportQuery, req)
    const pdf = await renderReportPdf(await gatherReport(service, filter, lang, new Date()), lang)
    const suffix = filterSuffix(filter)
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachment(
          `renewal-atlas-report${suffix}.pdf`,
          `${REPORT_TITLE[lang]}${suffix}.pdf`,
        ),
        'Cache-Control': 'no-store',
      })
      .send(pdf)
  })
  return router
}

/** Everything the report shows, from the same service (and so the same SQL) as the dashboard. */
export async function gatherReport(
  service: StatsService,
  filter: StatsFilter,
  lang: StatsLanguage,
  generatedAt: Date,
): Promise<ReportData> {
  // First on its own: an unknown street is refused once, before the other queries start.
  const summary = await service.summary(filter)
  const { street } = filter
  const [streets, communities, progress, content, funding, district, buildEra, review, settings] =
    await Promise.all([
      service.coverage({ groupBy: 'street', ...filter }),
      street === undefined ? undefined : service.coverage({ groupBy: 'community', ...filter }),
      service.progress(filter),
      service.content({ groupBy: 'category', ...filter }),
      service.funding({ groupBy: 'street', ...filter }),
      service.funding({ groupBy: 'district', ...filter }),
      service.buildEra(filter),
      service.reviewList({ street, limit: REVIEW_ROWS, offset: 0 }),
      service.settings(),
    ])
  const fundingTotal = district.rows[0] ?? noFunding()
  const streetName = street === undefined ? undefined : streets.rows.find((row) => row.key === street)?.name
  return {
    generatedAt,
    filterLabel: describeFilter(
      { ...filter, district: fundingTotal.name, street: streetName ?? street },
      lang,
    ),
    synthetic: settings.syntheticData,
    summary,
    coverage: communities ?? streets,
    progress,
    content,
    funding,
    fundingTotal,
    buildEra,
    review,
  }
}

function noFunding(): FundingRow {
  return {
    key: '',
    name: '',
    projects: 0,
    fiscal: 0,
    enterprise: 0,
    residents: 0,
    socialCapital: 0,
    total: 0,
  }
}
