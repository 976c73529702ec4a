// Retrofit statistics: the district's published figures, streets, communities and years that add up to them,
// funding that adds up over streets, refusals of bad input naming the parameter, downloads and the OpenAPI entries.
import {
  buildEraTable,
  type CoverageRow,
  contentTables,
  coverageResponse,
  coverageTables,
  fundingResponse,
  fundingTables,
  JINJIANG_FACTS,
  problemResponse,
  progressResponse,
  progressTable,
  reviewListResponse,
  reviewTable,
  summaryResponse,
  summaryTable,
} from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { backends } from '../support/backends.ts'

const COUNTS = [
  'compounds',
  'oldCompounds',
  'renovatedOldCompounds',
  'households',
  'householdsBenefiting',
] as const

function totals(rows: CoverageRow[]) {
  return Object.fromEntries(COUNTS.map((c) => [c, rows.reduce((sum, r) => sum + r[c], 0)]))
}
const countsOf = (row: CoverageRow | undefined) => Object.fromEntries(COUNTS.map((c) => [c, row?.[c]]))

describe.each(backends)('coverage statistics on the %s backend', (backend) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(backend)
  })
  afterAll(async () => {
    await app?.close()
  })

  async function coverage(groupBy?: string) {
    const res = await app.get(`/api/v1/stats/coverage${groupBy ? `?groupBy=${groupBy}` : ''}`)
    expect(res.status).toBe(200)
    const body = coverageResponse.parse(await res.json())
    expect(body.groupBy).toBe(groupBy ?? 'district')
    return body.rows
  }

  it('reads the district as 1,189 compounds, 751 old, 477 renovated, 63.5% covered, 54,000 households benefiting', async () => {
    const rows = await coverage('district')
    expect(rows).toHaveLength(1)
    const [district] = rows
    expect(district).toMatchObject({
      key: JINJIANG_FACTS.districtCode,
      name: '锦江区',
      compounds: 1189,
      oldCompounds: 751,
      renovatedOldCompounds: 477,
      householdsBenefiting: 54_000,
    })
    expect(district?.coverage).toBeCloseTo(477 / 751, 12)
    expect(await coverage()).toEqual(rows)
  })

  it('splits the district over its 11 streets with nothing lost or counted twice', async () => {
    const [district] = await coverage('district')
    const streets = await coverage('street')
    expect(streets).toHaveLength(11)
    expect(totals(streets)).toEqual(countsOf(district))
    for (const s of streets) {
      expect(s.key).toMatch(/^\d{9}$/)
      expect(s.coverage).toBeCloseTo(s.oldCompounds ? s.renovatedOldCompounds / s.oldCompounds : 0, 12)
    }
  })

  it("splits each street over its communities, the 76 of them adding up to their street's row", async () => {
    const streets = await coverage('street')
    const communities = await coverage('community')
    expect(communities).toHaveLength(76)
    for (const street of streets) {
      const own = communities.filter((c) => c.key.startsWith(street.key))
      expect(own.length, street.name).toBeGreaterThan(0)
      expect(totals(own), street.name).toEqual(countsOf(street))
    }
  })

  it('spreads the 477 renovated old compounds and their 54,000 households over renovation years, coverage rising to 63.5%', async () => {
    const years = await coverage('year')
    expect(years.length).toBeGreaterThan(1)
    expect(totals(years)).toMatchObject({ renovatedOldCompounds: 477, householdsBenefiting: 54_000 })
    expect(years.map((y) => y.key)).toEqual([...years.map((y) => y.key)].sort())
    const rising = years.map((y) => y.coverage)
    expect(rising).toEqual([...rising].sort((a, b) => a - b))
    expect(years.at(-1)?.coverage).toBeCloseTo(477 / 751, 12)
    for (const y of years) expect(y.name).toBe(y.key)
  })

  it('reads the headline figures of the district as of 2023: 1,189 / 751 / 477 / 63.5% / 54,000, 83 renovated that year', async () => {
    const res = await app.get('/api/v1/stats/summary')
    expect(res.status).toBe(200)
    const body = summaryResponse.parse(await res.json())
    expect(body).toMatchObject({ asOfYear: 2023, previousYear: 2022 })
    const value = Object.fromEntries(body.rows.map((r) => [r.key, r.value]))
    expect(value).toMatchObject({
      compounds: 1189,
      oldCompounds: 751,
      renovatedOldCompounds: 477,
      householdsBenefiting: 54_000,
    })
    expect(value.coverage).toBeCloseTo(477 / 751, 12)
    const renovated = body.rows.find((r) => r.key === 'renovatedOldCompounds')
    expect(renovated?.change).toBe(83)
    expect(renovated?.previous).toBe(477 - 83)
    expect(body.rows.find((r) => r.key === 'oldCompounds')).toMatchObject({ previous: null, change: null })
  })

  it('splits funding over the 11 streets so that their sums are the district row', async () => {
    const get = async (groupBy: string) => {
      const res = await app.get(`/api/v1/stats/funding?groupBy=${groupBy}`)
      expect(res.status).toBe(200)
      return fundingResponse.parse(await res.json()).rows
    }
    const [district] = await get('district')
    const streets = await get('street')
    expect(streets).toHaveLength(11)
    for (const field of [
      'projects',
      'fiscal',
      'enterprise',
      'residents',
      'socialCapital',
      'total',
    ] as const) {
      expect(
        streets.reduce((s, r) => s + r[field], 0),
        field,
      ).toBe(district?.[field])
    }
    expect(district?.total).toBe(
      (district?.fiscal ?? 0) +
        (district?.enterprise ?? 0) +
        (district?.residents ?? 0) +
        (district?.socialCapital ?? 0),
    )
    expect(district?.total).toBeGreaterThan(0)
  })

  it('narrows the street rows to the filter and agrees with the community rows of that street', async () => {
    const street = '510104030'
    const [row] = (await (await app.get(`/api/v1/stats/coverage?groupBy=street&street=${street}`)).json())
      .rows
    const communities = coverageResponse.parse(
      await (await app.get(`/api/v1/stats/coverage?groupBy=community&street=${street}`)).json(),
    ).rows
    expect(communities.every((c) => c.key.startsWith(street))).toBe(true)
    expect(totals(communities)).toEqual(countsOf(row))
    const progress = progressResponse.parse(
      await (await app.get(`/api/v1/stats/progress?street=${street}`)).json(),
    )
    expect(progress.oldCompounds).toBe(row.oldCompounds)
    expect(progress.rows.at(-1)?.cumulativeRenovatedOldCompounds).toBe(row.renovatedOldCompounds)
  })

  it('weighs the district’s progress on both measures: behind the target path in 2023, yet in time at the recent pace', async () => {
    const progress = progressResponse.parse(await (await app.get('/api/v1/stats/progress')).json())
    expect(progress.requiredPerYear).toBe(68.5)
    expect(progress.recentPerYear).toBeGreaterThan(68.5)
    expect(progress.outlook).toMatchObject({
      cumulative: 477,
      standing: 'behind',
      remaining: 274,
      reachYear: 2027,
      inTime: true,
      verdict: 'catchingUp',
      tone: 'warning',
    })
    expect(progress.outlook.gapToPath).toBeLessThan(0)
    expect(progress.outlook.pathToday).toBe(progress.rows.at(-1)?.targetCumulative)
  })

  it('counts 30 compounds built by 2004 but not on the register, in build era and in the review list', async () => {
    const era = await (await app.get('/api/v1/stats/build-era')).json()
    expect(era.cutoffYear).toBe(2004)
    expect(
      era.rows.reduce(
        (s: number, r: { beforeCutoffNotOnRegister: number }) => s + r.beforeCutoffNotOnRegister,
        0,
      ),
    ).toBe(30)
    const review = reviewListResponse.parse(
      await (await app.get('/api/v1/stats/review-list?limit=10')).json(),
    )
    expect(review).toMatchObject({ cutoffYear: 2004, numberMatched: 30, numberReturned: 10 })
  })

  const endpoints = [
    'coverage',
    'summary',
    'progress',
    'renovation-content',
    'funding',
    'build-era',
    'review-list',
  ] as const

  async function refusal(path: string, name: string) {
    const res = await app.get(path)
    expect(res.status, path).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = problemResponse.parse(await res.json())
    const error = problem.errors?.find((e) => e.name === name)
    expect(error, `${path}: ${JSON.stringify(problem.errors)}`).toBeDefined()
    return error?.reason ?? ''
  }

  it.each([
    ['coverage?groupBy=county', 'groupBy', /one of district, street, community, year/],
    ['coverage?groupBy=', 'groupBy', /one of district, street, community, year/],
    ['coverage?groupBy=street&groupBy=year', 'groupBy', /more than once/],
    ['coverage?by=street', 'by', /unknown parameter/],
    ['renovation-content?groupBy=street', 'groupBy', /one of category, itemType/],
    ['funding?groupBy=community', 'groupBy', /one of district, street/],
    ['summary?yearFrom=2022&yearTo=2019', 'yearFrom', /not be later than yearTo/],
    ['progress?yearFrom=1800', 'yearFrom', /at least 1949/],
    ['coverage?groupBy=year&yearTo=99999', 'yearTo', /at most 2100/],
    ['funding?yearFrom=abc', 'yearFrom', /whole number/],
    ['summary?year=abc', 'year', /unknown parameter/],
    ['summary?street=5101', 'street', /9-digit/],
    ['funding?street=510104017&street=510104018', 'street', /more than once/],
    ['build-era?decade=1990', 'decade', /unknown parameter/],
    ['settings?street=510104017', 'street', /unknown parameter/],
    ['review-list?cutoffYear=1800', 'cutoffYear', /at least 1949/],
    ['review-list?cutoffYear=2101', 'cutoffYear', /at most 2100/],
    ['review-list?limit=0', 'limit', /at least 1/],
    ['review-list?community=510104030', 'community', /12-digit/],
    ['review-list?community=510104030999', 'community', /unknown community code 510104030999/],
    ['review-list?yearFrom=2019', 'yearFrom', /unknown parameter/],
    ['summary?format=pdf', 'format', /one of json, csv, xlsx/],
    ['coverage?format=csv&lang=fr', 'lang', /zh or en/],
  ])('refuses ?%s with a 400 naming %s', async (query, name, reason) => {
    expect(await refusal(`/api/v1/stats/${query}`, name)).toMatch(reason)
  })

  it.each(endpoints)('refuses the unknown street 510104999 on %s, naming street', async (endpoint) => {
    expect(await refusal(`/api/v1/stats/${endpoint}?street=510104999`, 'street')).toMatch(
      /unknown street code 510104999/,
    )
  })

  // The writer of CSV and Excel files is the export work's; here: each table reaches it, never as JSON.
  const downloads = [
    ['coverage?groupBy=street', coverageTables.street.id],
    ['coverage?groupBy=year&yearFrom=2019&yearTo=2021', coverageTables.year.id],
    ['summary', summaryTable.id],
    ['progress', progressTable.id],
    ['renovation-content?groupBy=itemType', contentTables.itemType.id],
    ['funding?groupBy=street', fundingTables.street.id],
    ['build-era', buildEraTable.id],
    ['review-list?limit=1', reviewTable.id],
  ] as const
  it.each(downloads)(
    'hands %s with format=csv and xlsx to the download writer as table %s',
    async (path, id) => {
      for (const format of ['csv', 'xlsx']) {
        const res = await app.get(
          `/api/v1/stats/${path}${path.includes('?') ? '&' : '?'}format=${format}&lang=en`,
        )
        expect(res.headers.get('content-type'), `${path} ${format}`).not.toMatch(/json/)
        const text = await res.text()
        if (res.status === 501) {
          expect(text).toContain(id) // the writer is not built yet
          continue
        }
        expect(res.status).toBe(200)
        expect(res.headers.get('content-disposition')).toContain(id)
        if (format === 'csv' && id === reviewTable.id) {
          // Downloads hold every row, whatever the page size asked for.
          expect(text.trim().split(/\r\n/)).toHaveLength(1 + 30)
        }
      }
    },
  )

  it('documents every statistics route in the OpenAPI document, with its download types and problem responses', async () => {
    const doc = await (await app.get('/api/v1/openapi.json')).json()
    for (const endpoint of [...endpoints, 'settings']) {
      const get = doc.paths[`/api/v1/stats/${endpoint}`]?.get
      expect(get, endpoint).toBeDefined()
      expect(get.tags).toEqual(['Statistics 统计'])
      expect(get.summary.length).toBeGreaterThan(20)
      const content = Object.keys(get.responses['200'].content)
      expect(content, endpoint).toEqual(
        endpoint === 'settings'
          ? ['application/json']
          : [
              'application/json',
              'text/csv',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ],
      )
      expect(get.responses['400'].content['application/problem+json']).toBeDefined()
    }
    const names = (endpoint: string) =>
      doc.paths[`/api/v1/stats/${endpoint}`].get.parameters.map((p: { name: string }) => p.name)
    expect(names('summary')).toEqual(['street', 'yearFrom', 'yearTo', 'format', 'lang'])
    expect(names('review-list')).toEqual([
      'street',
      'community',
      'cutoffYear',
      'limit',
      'offset',
      'format',
      'lang',
    ])
  })

  it('is described in the OpenAPI document with its groupBy values', async () => {
    const doc = await (await app.get('/api/v1/openapi.json')).json()
    const [groupBy] = doc.paths['/api/v1/stats/coverage'].get.parameters
    expect(groupBy.name).toBe('groupBy')
    expect(groupBy.schema.enum).toEqual(['district', 'street', 'community', 'year'])
  })
})
