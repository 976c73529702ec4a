// Bad input gets a specific problem+json naming the parameter and the reason, and never an error-level log line.
import { problemResponse } from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { backends } from '../support/backends.ts'

const badQueries: [query: string, parameter: string, reason: RegExp][] = [
  ['bbox=1,2,3', 'bbox', /four comma-separated numbers/],
  ['bbox=a,b,c,d', 'bbox', /decimal numbers/],
  ['bbox=NaN,30,104,31', 'bbox', /decimal numbers/],
  ['bbox=0x10,30,104,31', 'bbox', /decimal numbers/],
  ['limit=1&limit=2', 'limit', /given more than once/],
  ['bbox=104.2,30.6,104.1,30.7', 'bbox', /minimum must not exceed/],
  ['bbox=104,30,190,31', 'bbox', /±180/],
  ['bbox=104,-95,105,31', 'bbox', /±90/],
  ['limit=5000', 'limit', /at most 2000/],
  ['limit=0', 'limit', /at least 1/],
  ['limit=99999999999999999999', 'limit', /^limit must be at most 2000$/],
  ['limit=ten', 'limit', /whole number/],
  ['offset=-1', 'offset', /whole number|at least 0/],
  ['status=demolished', 'status', /comma-separated list of not_planned, planned, under_way, completed/],
  ["status=completed'%20OR%201=1--", 'status', /comma-separated list/],
  ['street=shahe', 'street', /9-digit/],
  ['street=510104999', 'street', /no street has code 510104999/],
  ['community=510104030999', 'community', /no community has code/],
  ['onRegister=yes', 'onRegister', /true or false/],
  ['builtFrom=2010&builtTo=1990', 'builtFrom', /not be later than builtTo/],
  ['builtTo=3000', 'builtTo', /at most 2100/],
  ['householdsMin=500&householdsMax=100', 'householdsMin', /not be greater than householdsMax/],
  ['householdsMin=-1', 'householdsMin', /at least 0/],
  ['householdsMax=many', 'householdsMax', /whole number/],
  ['householdsMax=1.5', 'householdsMax', /whole number/],
  ['sort=name', 'sort', /unknown parameter/],
]

describe.each(backends)('bad input on the %s backend', (backend) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(backend)
  })
  afterAll(async () => {
    await app?.close()
  })

  async function problem(path: string, status: number) {
    const res = await app.get(path)
    expect(res.status, path).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const body = problemResponse.parse(await res.json())
    expect(body.status).toBe(status)
    expect(JSON.stringify(body)).not.toMatch(/select |at .*\.ts:|node_modules|\/work\//i)
    return body
  }

  it.each(badQueries)('GET /compounds?%s → 400 naming %s', async (query, parameter, reason) => {
    const body = await problem(`/api/v1/compounds?${query}`, 400)
    expect(body.code).toBe('invalid_parameter')
    const error = body.errors?.find((e) => e.name === parameter)
    expect(error, JSON.stringify(body.errors)).toBeDefined()
    expect(error?.in).toBe('query')
    expect(error?.reason).toMatch(reason)
  })

  it('accepts the same parameters when they are well formed', async () => {
    const res = await app.get(
      '/api/v1/compounds?bbox=104.0,30.5,104.2,30.7&limit=10&offset=0&status=completed,planned&street=510104030&onRegister=true&builtFrom=1980&builtTo=2004&householdsMin=100&householdsMax=100',
    )
    expect(res.status).toBe(200)
  })

  it('splits the compounds by households with nothing lost or counted twice', async () => {
    const matched = async (query: string) =>
      (await (await app.get(`/api/v1/compounds?limit=1&${query}`)).json()).numberMatched as number
    const all = await matched('')
    const small = await matched('householdsMax=199')
    const large = await matched('householdsMin=200')
    expect(small).toBeGreaterThan(0)
    expect(large).toBeGreaterThan(0)
    expect(small + large).toBe(all)
    const middle = await matched('householdsMin=200&householdsMax=499')
    expect(middle + (await matched('householdsMin=500'))).toBe(large)
    expect(await matched('householdsMin=497&householdsMax=497')).toBeGreaterThanOrEqual(1)
    expect(await matched('householdsMin=0')).toBe(all)
    expect(await matched('householdsMin=1000000')).toBe(0)
  })

  it('documents the households filters in the OpenAPI document', async () => {
    const doc = await (await app.get('/api/v1/openapi.json')).json()
    const params = doc.paths['/api/v1/compounds'].get.parameters.map((p: { name: string }) => p.name)
    expect(params).toEqual(expect.arrayContaining(['householdsMin', 'householdsMax']))
  })

  it('validates the list parameters of streets and communities too', async () => {
    expect((await problem('/api/v1/streets?limit=99999', 400)).errors?.[0]?.name).toBe('limit')
    expect((await problem('/api/v1/communities?street=510104999', 400)).errors?.[0]?.name).toBe('street')
  })

  it('answers a malformed id with 400 and an unknown id with 404', async () => {
    expect((await problem('/api/v1/compounds/abc', 400)).errors?.[0]?.name).toBe('id')
    expect((await problem('/api/v1/compounds/0', 400)).errors?.[0]?.name).toBe('id')
    const missing = await problem('/api/v1/compounds/987654', 404)
    expect(missing.code).toBe('not_found')
    expect(missing.detail).toMatch(/987654/)
  })

  it('answers an unknown API route with a 404 problem, not the web app', async () => {
    expect((await problem('/api/v1/nowhere', 404)).code).toBe('not_found')
    expect((await problem('/api/v2/compounds', 404)).code).toBe('not_found')
  })

  it('answers a URL that is not valid percent-encoding with 400, not a body error', async () => {
    const body = await problem('/api/v1/compounds/%E0', 400)
    expect(body.errors).toEqual([
      { name: 'path', in: 'path', reason: 'the URL is not valid percent-encoded UTF-8' },
    ])
  })

  it('refuses a malformed or oversized JSON body with its own problem', async () => {
    const post = (body: string) =>
      app.get('/api/v1/compounds', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const malformed = await post('{"name": ')
    expect(malformed.status).toBe(400)
    expect(problemResponse.parse(await malformed.json()).errors?.[0]).toMatchObject({
      name: 'body',
      in: 'body',
    })
    const oversized = await post(JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }))
    expect(oversized.status).toBe(413)
    expect(problemResponse.parse(await oversized.json()).code).toBe('payload_too_large')
  })

  it('answers an offset past the end with no features and a prev link to the last page', async () => {
    const res = await app.get('/api/v1/compounds?limit=100&offset=5000')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.numberReturned).toBe(0)
    expect(body.links.find((l: { rel: string }) => l.rel === 'next')).toBeUndefined()
    const prev = new URL(body.links.find((l: { rel: string }) => l.rel === 'prev').href)
    expect(prev.searchParams.get('offset')).toBe(String(body.numberMatched - 100))
  })

  it('logs none of the refusals at error level and keeps serving', async () => {
    for (const [query] of badQueries) await app.get(`/api/v1/compounds?${query}`)
    await app.get('/api/v1/compounds/abc')
    await app.get('/api/v1/compounds/%E0')
    const errors = app.logs.filter((line) => line.level >= 50)
    expect(errors).toEqual([])
    expect((await app.get('/api/v1/health')).status).toBe(200)
  })
})
