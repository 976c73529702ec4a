// Coverage statistics: the district's published figures, and streets, communities and years that add up to them.
import { type CoverageRow, coverageResponse, JINJIANG_FACTS, problemResponse } from '@renewal-atlas/domain'
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

  it.each([
    ['groupBy=county', 'groupBy', /one of district, street, community, year/],
    ['groupBy=', 'groupBy', /one of district, street, community, year/],
    ['groupBy=street&groupBy=year', 'groupBy', /more than once/],
    ['by=street', 'by', /unknown parameter/],
  ])('refuses ?%s with a 400 naming %s', async (query, name, reason) => {
    const res = await app.get(`/api/v1/stats/coverage?${query}`)
    expect(res.status).toBe(400)
    const error = problemResponse.parse(await res.json()).errors?.find((e) => e.name === name)
    expect(error?.reason).toMatch(reason)
  })

  it('is described in the OpenAPI document with its groupBy values', async () => {
    const doc = await (await app.get('/api/v1/openapi.json')).json()
    const [groupBy] = doc.paths['/api/v1/stats/coverage'].get.parameters
    expect(groupBy.name).toBe('groupBy')
    expect(groupBy.schema.enum).toEqual(['district', 'street', 'community', 'year'])
  })
})
