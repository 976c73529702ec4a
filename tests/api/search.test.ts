// Searching compounds by name or address: the planner types 五福苑 or 马家沟 and flies to the compound.
import { compoundSearchResponse, problemResponse } from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { backends } from '../support/backends.ts'

describe.each(backends)('compound search on the %s backend', (backend) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(backend)
  })
  afterAll(async () => {
    await app?.close()
  })

  async function search(query: string) {
    const res = await app.get(`/api/v1/search/compounds?${query}`)
    expect(res.status, query).toBe(200)
    return compoundSearchResponse.parse(await res.json())
  }
  const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`)

  it('finds Wufuyuan first when searching 五福苑, with a point inside it and its bbox', async () => {
    const body = await q('五福苑')
    expect(body.query).toBe('五福苑')
    const [first] = body.results
    expect(first).toMatchObject({
      code: 'C510104030004-013',
      name: '五福苑',
      address: '马家沟1号',
      streetName: '沙河街道',
      communityName: '沙河社区',
    })
    const [lon, lat] = first?.center ?? []
    const [minLon, minLat, maxLon, maxLat] = first?.bbox ?? []
    expect(lon).toBeGreaterThanOrEqual(minLon as number)
    expect(lon).toBeLessThanOrEqual(maxLon as number)
    expect(lat).toBeGreaterThanOrEqual(minLat as number)
    expect(lat).toBeLessThanOrEqual(maxLat as number)
    for (const n of [...(first?.center ?? []), ...(first?.bbox ?? [])]) {
      expect(Math.round(n * 1e7) / 1e7).toBe(n)
    }
    // The center is the one the compound list would fly to: it lies in the same compound.
    const inside = await app.get(`/api/v1/compounds?bbox=${lon},${lat},${lon},${lat}&limit=10`)
    const codes = (await inside.json()).features.map(
      (f: { properties: { code: string } }) => f.properties.code,
    )
    expect(codes).toContain('C510104030004-013')
  })

  it('lists names starting with the text before names that only contain it, each part by name', async () => {
    const body = await q('五福')
    const names = body.results.map((r) => r.name)
    expect(names).toEqual(
      ['五福桥住宅区', '五福桥大院', '五福桥家园', '五福桥悦府', '五福桥苑', '五福苑'].sort(),
    )
    const results = (await q('福', '&limit=50')).results.map((r) => r.name)
    const starting = results.filter((name) => name.startsWith('福'))
    const containing = results.filter((name) => !name.startsWith('福'))
    expect(starting.length).toBeGreaterThan(0)
    expect(containing.length).toBeGreaterThan(0)
    expect(results).toEqual([...starting.sort(), ...containing.sort()])
  })

  it('finds Wufuyuan by its address when searching 马家沟, after the compounds named 马家沟…', async () => {
    const body = await q('马家沟')
    // Then the compounds found by their address, by name: 五福苑 (马家沟1号), 复兴大院 and 沙河大院 (马家沟路…).
    expect(body.results.map((r) => r.name)).toEqual([
      '马家沟路12号院',
      '马家沟路20号院',
      '五福苑',
      '复兴大院',
      '沙河大院',
    ])
    expect(body.results[2]?.address).toBe('马家沟1号')
  })

  it('treats % and _ in the text as literal characters, not wildcards', async () => {
    expect((await q('%')).results).toEqual([])
    expect((await q('_')).results).toEqual([])
    expect((await q('五%苑')).results).toEqual([])
    expect((await q('五_苑')).results).toEqual([])
    expect((await q('\\')).results).toEqual([])
  })

  it('trims the text and keeps to the limit, 10 by default', async () => {
    expect((await q('  五福苑  ')).query).toBe('五福苑')
    expect((await q('院')).results).toHaveLength(10)
    expect((await q('院', '&limit=3')).results).toHaveLength(3)
    expect((await q('院', '&limit=50')).results).toHaveLength(50)
  })

  it.each([
    ['', 'q', /q is required/],
    ['q=', 'q', /must not be empty/],
    ['q=%20%20', 'q', /must not be empty/],
    [`q=${'院'.repeat(51)}`, 'q', /at most 50 characters/],
    ['q=院&limit=0', 'limit', /at least 1/],
    ['q=院&limit=51', 'limit', /at most 50/],
    ['q=院&limit=x', 'limit', /whole number/],
    ['q=院&offset=5', 'offset', /unknown parameter/],
  ])('refuses ?%s with a 400 naming %s', async (query, parameter, reason) => {
    const res = await app.get(`/api/v1/search/compounds?${query}`)
    expect(res.status).toBe(400)
    const body = problemResponse.parse(await res.json())
    const error = body.errors?.find((e) => e.name === parameter)
    expect(error, JSON.stringify(body.errors)).toBeDefined()
    expect(error?.reason).toMatch(reason)
  })

  it('accepts a 50-character text', async () => {
    expect((await q('院'.repeat(50))).results).toEqual([])
  })

  it('is described in the OpenAPI document with its q and limit parameters', async () => {
    const doc = await (await app.get('/api/v1/openapi.json')).json()
    const get = doc.paths['/api/v1/search/compounds']?.get
    expect(get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['limit', 'q'])
    expect(get.responses['200'].content['application/json']).toBeDefined()
    expect(get.responses['400']).toBeDefined()
  })
})
