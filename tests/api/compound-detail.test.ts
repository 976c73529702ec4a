// The compound panel's contents for Wufuyuan (五福苑): buildings, renovation project, findings and suggestions.
import {
  buildingCollection,
  compoundProjectsResponse,
  findingCollection,
  problemResponse,
  suggestionPage,
} from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { backends } from '../support/backends.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

describe.each(backends)('compound details on the %s backend', (backend) => {
  let app: TestApp
  let wufuyuan: number
  beforeAll(async () => {
    app = await startTestApp(backend)
    const search = await (await app.get(`/api/v1/search/compounds?q=${encodeURIComponent('五福苑')}`)).json()
    wufuyuan = search.results[0].id
  })
  afterAll(async () => {
    await app?.close()
  })

  async function json(path: string) {
    const res = await app.get(path)
    expect(res.status, `${path} → ${res.status}`).toBe(200)
    return res.json()
  }

  it('lists the 9 buildings of Wufuyuan with 497 households between them', async () => {
    const res = await app.get(`/api/v1/compounds/${wufuyuan}/buildings`)
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/)
    const body = buildingCollection.parse(await res.json())
    expect(body.features).toHaveLength(9)
    expect(body.features.reduce((sum, f) => sum + f.properties.households, 0)).toBe(497)
    for (const { geometry, properties } of body.features) {
      expect(geometry.type).toBe('Polygon')
      expect(properties.builtYear).toBe(1996)
      expect(typeof properties.hasLift).toBe('boolean')
    }
  })

  it("gives Wufuyuan's renovation project with 13 items, funding that adds up to its budget and dates as text", async () => {
    const body = compoundProjectsResponse.parse(await json(`/api/v1/compounds/${wufuyuan}/projects`))
    const project = body.projects.find((p) => p.items.length === 13)
    expect(project).toBeDefined()
    expect(project).toMatchObject({
      code: 'RP2021-065',
      status: 'completed',
      startDate: '2020-06-15',
      budgetYuan: 17_120_000,
    })
    expect(project?.completionDate).toMatch(ISO_DATE)
    const funding = project?.funding ?? []
    expect(funding.reduce((sum, f) => sum + f.amountYuan, 0)).toBe(project?.budgetYuan)
    expect(funding.map((f) => f.source)).toEqual(['fiscal', 'enterprise', 'residents', 'social_capital'])
    expect(funding.find((f) => f.source === 'fiscal')?.amountYuan).toBeGreaterThan(15_000_000)
    for (const item of project?.items ?? []) expect(typeof item.costYuan).toBe('number')
  })

  it("gives Wufuyuan's health-check findings as points with their dates as YYYY-MM-DD", async () => {
    const body = findingCollection.parse(await json(`/api/v1/compounds/${wufuyuan}/findings`))
    expect(body.features).toHaveLength(8)
    for (const { geometry, properties } of body.features) {
      expect(geometry.type).toBe('Point')
      expect(properties.foundDate).toMatch(ISO_DATE)
    }
    const dates = body.features.map((f) => f.properties.foundDate)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it("counts Wufuyuan's 288 suggestions by status over all pages: 96 collected, 192 agreed or in a project", async () => {
    const body = suggestionPage.parse(await json(`/api/v1/compounds/${wufuyuan}/suggestions?limit=50`))
    expect(body.numberMatched).toBe(288)
    expect(body.numberReturned).toBe(50)
    expect(body.byStatus.collected).toBe(96)
    expect(body.byStatus.consensus + body.byStatus.project).toBe(192)
    for (const f of body.features) expect(f.properties.submittedDate).toMatch(ISO_DATE)
    const next = body.links.find((l) => l.rel === 'next')
    expect(new URL(next?.href ?? '').searchParams.get('offset')).toBe('50')
  })

  it('pages through every suggestion exactly once', async () => {
    const codes: string[] = []
    for (let offset = 0; offset < 288; offset += 100) {
      const page = suggestionPage.parse(
        await json(`/api/v1/compounds/${wufuyuan}/suggestions?limit=100&offset=${offset}`),
      )
      codes.push(...page.features.map((f) => f.properties.code))
    }
    expect(codes).toHaveLength(288)
    expect(new Set(codes).size).toBe(288)
  })

  it.each(['buildings', 'projects', 'findings', 'suggestions'])(
    'answers /compounds/{id}/%s with 404 for an unknown compound and 400 for a malformed id',
    async (part) => {
      const missing = await app.get(`/api/v1/compounds/987654/${part}`)
      expect(missing.status).toBe(404)
      const problem = problemResponse.parse(await missing.json())
      expect(problem.code).toBe('not_found')
      expect(problem.detail).toMatch(/987654/)
      for (const id of ['0', '-3', 'abc', '1.5']) {
        const bad = await app.get(`/api/v1/compounds/${id}/${part}`)
        expect(bad.status, id).toBe(400)
        expect(problemResponse.parse(await bad.json()).errors?.[0]?.name).toBe('id')
      }
    },
  )

  it('refuses suggestion paging out of range, naming the parameter', async () => {
    for (const [query, name] of [
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
      ['status=collected', 'status'],
    ]) {
      const res = await app.get(`/api/v1/compounds/${wufuyuan}/suggestions?${query}`)
      expect(res.status, query).toBe(400)
      expect(problemResponse.parse(await res.json()).errors?.[0]?.name).toBe(name)
    }
  })

  it('is described in the OpenAPI document, each part with its id and a 404', async () => {
    const doc = await (await app.get('/api/v1/openapi.json')).json()
    for (const part of ['buildings', 'projects', 'findings', 'suggestions']) {
      const get = doc.paths[`/api/v1/compounds/{id}/${part}`]?.get
      expect(get?.parameters.map((p: { name: string }) => p.name)[0], part).toBe('id')
      expect(get.responses['404'], part).toBeDefined()
    }
  })
})
