// SQL injection strings (stacked queries, boolean- and time-based blind, UNION, unicode look-alikes) in every
// filter, sort and id parameter: each is refused with a 4xx problem that shows no SQL, nothing in the database
// changes, and a string with pg_sleep takes no longer than a harmless one.
import { problemResponse } from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { bearer, createBearerToken, createUser } from '../support/auth.ts'
import { backends } from '../support/backends.ts'

const SLEEP_SECONDS = 2

const INJECTIONS = [
  // stacked queries
  '1; DROP TABLE compounds; --',
  "1'; DROP TABLE users; --",
  '510104030; DELETE FROM sessions',
  // boolean-based blind
  "' OR '1'='1",
  '1 OR 1=1',
  "510104030' AND 1=1 --",
  "510104030' AND 1=2 --",
  'true OR true',
  // time-based blind
  `1; SELECT pg_sleep(${SLEEP_SECONDS}); --`,
  `1' AND (SELECT 1 FROM pg_sleep(${SLEEP_SECONDS})) IS NOT NULL --`,
  `1) OR pg_sleep(${SLEEP_SECONDS}) IS NULL --`,
  `510104030' || pg_sleep(${SLEEP_SECONDS}) || '`,
  // UNION
  '1 UNION SELECT username, password_hash FROM users --',
  "-1' UNION ALL SELECT NULL,NULL,NULL--",
  // identifiers and casts
  'id" FROM users --',
  '1::text',
  '$1',
  '?',
  // unicode: full-width quotes and digits, other digit systems, control and direction characters
  "五福苑'; --",
  '１ ＯＲ １＝１',
  '＇ OR ＇1＇=＇1',
  '١٢٣',
  '𝟓𝟏𝟎𝟏𝟎𝟒𝟎𝟑𝟎',
  '510104030\u0000',
  '\u202e030401015',
  '510104030\u200b',
  '🏠',
  // numbers in other spellings
  '1e3',
  '0x10',
  ' 1',
  '1.0',
  '9'.repeat(40),
]

/** Text a database or a stack trace would leave in an error, after the echoed input is taken out. */
const LEAK =
  /syntax error|SQLSTATE|ERROR:|relation "|column "|invalid input syntax|unterminated|violates|knex|pg_catalog|\bat \S+ \(|node_modules|\/work\/|\.ts:\d+/i

interface Target {
  name: string
  url: (value: string) => string
  /** Sent with an administrator's token (routes that need one). */
  admin?: boolean
  /** Values that are well-formed for this parameter (a free-text identifier): 200, and still no SQL text. */
  accepts?: RegExp
}

const q =
  (base: string, name: string, extra = '') =>
  (v: string) =>
    `${base}?${extra}${name}=${encodeURIComponent(v)}`
const p = (template: string) => (v: string) => template.replace('{}', encodeURIComponent(v))

const COMPOUND_FILTERS = [
  'bbox',
  'street',
  'community',
  'status',
  'onRegister',
  'builtFrom',
  'builtTo',
  'householdsMin',
  'householdsMax',
  'limit',
  'offset',
]

const TARGETS: Target[] = [
  ...COMPOUND_FILTERS.map((name) => ({ name: `GET /compounds ${name}`, url: q('/api/v1/compounds', name) })),
  { name: 'GET /compounds sort (not an allowed parameter)', url: q('/api/v1/compounds', 'sort') },
  {
    name: 'GET /compounds sort by an injected column',
    url: (v) => `/api/v1/compounds?sort=${encodeURIComponent(v)}`,
  },
  {
    name: 'GET /compounds injected parameter name',
    url: (v) => `/api/v1/compounds?${encodeURIComponent(v)}=1`,
  },
  { name: 'GET /compounds/{id}', url: p('/api/v1/compounds/{}') },
  { name: 'GET /compounds/{id}/buildings', url: p('/api/v1/compounds/{}/buildings') },
  { name: 'GET /compounds/{id}/projects', url: p('/api/v1/compounds/{}/projects') },
  { name: 'GET /compounds/{id}/findings', url: p('/api/v1/compounds/{}/findings') },
  { name: 'GET /compounds/{id}/suggestions', url: p('/api/v1/compounds/{}/suggestions') },
  { name: 'GET /compounds/{id}/suggestions limit', url: q('/api/v1/compounds/1/suggestions', 'limit') },
  { name: 'GET /streets bbox', url: q('/api/v1/streets', 'bbox') },
  { name: 'GET /streets offset', url: q('/api/v1/streets', 'offset') },
  { name: 'GET /communities street', url: q('/api/v1/communities', 'street') },
  { name: 'GET /search/compounds limit', url: q('/api/v1/search/compounds', 'limit', 'q=%E8%8B%91&') },
  { name: 'GET /stats/coverage groupBy', url: q('/api/v1/stats/coverage', 'groupBy') },
  { name: 'GET /stats/coverage street', url: q('/api/v1/stats/coverage', 'street') },
  { name: 'GET /stats/summary yearFrom', url: q('/api/v1/stats/summary', 'yearFrom') },
  { name: 'GET /stats/progress yearTo', url: q('/api/v1/stats/progress', 'yearTo') },
  { name: 'GET /stats/renovation-content groupBy', url: q('/api/v1/stats/renovation-content', 'groupBy') },
  { name: 'GET /stats/funding groupBy', url: q('/api/v1/stats/funding', 'groupBy') },
  { name: 'GET /stats/funding format', url: q('/api/v1/stats/funding', 'format') },
  { name: 'GET /stats/build-era lang', url: q('/api/v1/stats/build-era', 'lang') },
  { name: 'GET /stats/review-list community', url: q('/api/v1/stats/review-list', 'community') },
  { name: 'GET /stats/review-list cutoffYear', url: q('/api/v1/stats/review-list', 'cutoffYear') },
  { name: 'GET /stats/report.pdf street', url: q('/api/v1/stats/report.pdf', 'street') },
  { name: 'GET /tiles/{layer}/…', url: p('/api/v1/tiles/{}/14/12929/6741.mvt') },
  { name: 'GET /tiles/…/{z}/…', url: p('/api/v1/tiles/compounds/{}/12929/6741.mvt') },
  { name: 'GET /tiles/…/{x}/…', url: p('/api/v1/tiles/compounds/14/{}/6741.mvt') },
  { name: 'GET /tiles/{layer}.json', url: p('/api/v1/tiles/{}.json') },
  { name: 'GET /users role', url: q('/api/v1/users', 'role'), admin: true },
  { name: 'GET /users active', url: q('/api/v1/users', 'active'), admin: true },
  { name: 'GET /users/{id}', url: p('/api/v1/users/{}'), admin: true },
  { name: 'GET /audit entityType', url: q('/api/v1/audit', 'entityType'), admin: true },
  {
    name: 'GET /audit entityId',
    url: q('/api/v1/audit', 'entityId'),
    admin: true,
    // Entity ids are text (compound ids, user ids, codes): "1e3" is a valid one that matches nothing.
    accepts: /^[A-Za-z0-9_.-]{1,64}$/,
  },
  { name: 'GET /audit userId', url: q('/api/v1/audit', 'userId'), admin: true },
]

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

describe.each(backends)('injection strings on the %s backend', (backend) => {
  let app: TestApp
  let adminToken: string
  let before: Record<string, number>

  const counts = async () => {
    const knex = app.server.db.knex
    const out: Record<string, number> = {}
    for (const table of ['compounds', 'users', 'sessions', 'api_tokens', 'audit_entries', 'streets']) {
      out[table] = Number((await knex(table).count('* as n').first())?.n)
    }
    return out
  }

  beforeAll(async () => {
    app = await startTestApp(backend, {
      rateLimits: { perMinute: 1e6, tilesPerMinute: 1e6, loginPerUser: 1e6, loginPerIp: 1e6 },
    })
    const admin = await createUser(app.server.db, { role: 'admin' })
    adminToken = await createBearerToken(app.server.db, admin.id)
    before = await counts()
  })
  afterAll(async () => {
    await app?.close()
  })

  async function refusal(target: Target, value: string): Promise<string | undefined> {
    const url = target.url(value)
    const res = await app.get(url, target.admin ? { headers: bearer(adminToken) } : undefined)
    const text = await res.text()
    if (target.accepts?.test(value)) {
      if (res.status !== 200) return `${JSON.stringify(value)} → ${res.status}, expected 200`
      return LEAK.test(text) ? `${JSON.stringify(value)} → body shows SQL` : undefined
    }
    if (res.status < 400 || res.status >= 500) return `${JSON.stringify(value)} → ${res.status}`
    if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
      return `${JSON.stringify(value)} → not problem+json`
    if (!problemResponse.safeParse(JSON.parse(text)).success)
      return `${JSON.stringify(value)} → not a problem body`
    // The problem may echo the input (a 404 names the path); what remains must show no SQL or stack.
    const echoes = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), url]
    const rest = echoes.reduce((body, echo) => body.split(echo).join(''), text)
    const leak = LEAK.exec(rest)
    return leak ? `${JSON.stringify(value)} → body shows "${leak[0]}": ${rest.slice(0, 200)}` : undefined
  }

  it.each(TARGETS.map((t) => [t.name, t] as const))(
    '%s: every injection string → 4xx, no SQL text',
    async (_, target) => {
      const wrong: string[] = []
      for (const value of INJECTIONS) {
        const problem = await refusal(target, value)
        if (problem) wrong.push(problem)
      }
      expect(wrong).toEqual([])
    },
  )

  it('searches for an injection string as literal text, finding only names that contain it (NUL is refused)', async () => {
    for (const value of INJECTIONS.filter((v) => v.trim() && v.length <= 50)) {
      const res = await app.get(`/api/v1/search/compounds?q=${encodeURIComponent(value)}`)
      if (value.includes('\u0000')) {
        expect(res.status, value).toBe(400)
        continue
      }
      expect(res.status, value).toBe(200)
      // The text is matched literally: whatever is found contains it, and SQL-looking text finds nothing.
      const body = (await res.json()) as { results: { name: string; address: string | null }[] }
      const needle = value.trim().toLowerCase()
      for (const r of body.results)
        expect(`${r.name} ${r.address ?? ''}`.toLowerCase(), value).toContain(needle)
      if (/[';=]|--|select|union/i.test(value)) expect(body.results, value).toEqual([])
    }
  })

  it('keeps injection strings in JSON bodies as plain data', async () => {
    const sql = "x'); DROP TABLE users; --"
    const login = await app.get('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: "admin' OR '1'='1", password: sql }),
    })
    expect(login.status).toBe(401)
    const token = await app.get('/api/v1/tokens', {
      method: 'POST',
      headers: { ...bearer(adminToken), 'content-type': 'application/json' },
      body: JSON.stringify({ name: sql }),
    })
    expect(token.status).toBe(201)
    expect(((await token.json()) as { name: string }).name).toBe(sql)
    const nul = await app.get('/api/v1/tokens', {
      method: 'POST',
      headers: { ...bearer(adminToken), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tab\u0000le' }),
    })
    expect(nul.status).toBe(400)
    for (const body of [
      { username: sql, role: 'viewer' },
      { username: 'fine-name', role: "viewer' OR 1=1" },
      { username: 'fine-name', role: 'viewer', streets: ["510104030'); --"] },
    ]) {
      const res = await app.get('/api/v1/users', {
        method: 'POST',
        headers: { ...bearer(adminToken), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    for (const authorization of [`Bearer ${sql}`, "Bearer atl_' OR 1=1 --"]) {
      expect((await app.get('/api/v1/tokens', { headers: { authorization } })).status).toBe(401)
    }
    expect(
      (await app.get('/api/v1/tokens', { headers: { cookie: `atlas_session=${encodeURIComponent(sql)}` } }))
        .status,
    ).toBe(401)
  })

  it('changes nothing in the database and logs no error', async () => {
    const after = await counts()
    // The one token and its audit row are the only writes (the JSON-body test above).
    expect(after).toEqual({
      ...before,
      api_tokens: (before.api_tokens ?? 0) + 1,
      audit_entries: (before.audit_entries ?? 0) + 1,
    })
    expect(app.logs.filter((line) => line.level >= 50)).toEqual([])
  })

  it.each([
    [
      'a street filter',
      (v: string) => `/api/v1/compounds?limit=1&street=${encodeURIComponent(v)}`,
      '510104999x',
    ],
    ['a compound id', (v: string) => `/api/v1/compounds/${encodeURIComponent(v)}`, 'abc'],
    [
      'the search text',
      (v: string) => `/api/v1/search/compounds?q=${encodeURIComponent(v)}`,
      'no such place',
    ],
    ['an audit filter', (v: string) => `/api/v1/audit?entityId=${encodeURIComponent(v)}`, 'nothing'],
  ])('answers a pg_sleep string in %s as fast as a harmless value', async (_, url, benign) => {
    const sleepy = [
      `1; SELECT pg_sleep(${SLEEP_SECONDS}); --`,
      `x' AND (SELECT 1 FROM pg_sleep(${SLEEP_SECONDS})) IS NOT NULL --`,
      `x' || pg_sleep(${SLEEP_SECONDS}) || '`,
    ]
    const time = async (path: string) => {
      const start = performance.now()
      await (await app.get(path, { headers: bearer(adminToken) })).arrayBuffer()
      return performance.now() - start
    }
    await time(url(benign))
    const harmless: number[] = []
    const injected: number[] = []
    for (let i = 0; i < 9; i++) {
      harmless.push(await time(url(benign)))
      injected.push(await time(url(sleepy[i % sleepy.length] as string)))
    }
    // A query that ran pg_sleep would take SLEEP_SECONDS; the bound is relative to the harmless median.
    expect(median(injected)).toBeLessThan(median(harmless) * 3 + 200)
  })
})
