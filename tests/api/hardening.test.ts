// API hardening on every backend: security headers with a Content-Security-Policy the API reference still works
// under, CORS closed unless configured, body size, URL, header and rate limits answering problem+json, reading
// closed when public read is off, secrets kept out of the log, errors that show no SQL, and a statement timeout.
import { existsSync } from 'node:fs'
import { type IncomingHttpHeaders, request } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { createApp, type createLogger } from '@renewal-atlas/api'
import { openDatabase } from '@renewal-atlas/db'
import { problemResponse, sessionResponse } from '@renewal-atlas/domain'
import pino from 'pino'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppOptions } from '../../apps/api/src/app.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { bearer, createBearerToken, createUser, signIn } from '../support/auth.ts'
import { backends } from '../support/backends.ts'

const CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;" +
  "font-src 'self' data:;worker-src 'self' blob:;child-src blob:;connect-src 'self';object-src 'none';" +
  "frame-ancestors 'none';base-uri 'self';form-action 'self'"
const LEAK =
  /select |insert |relation "|syntax error|SQLSTATE|knex|node_modules|\/work\/|\.ts:\d+|\bat \S+ \(/i
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const HIGH_LIMITS = { perMinute: 1e6, tilesPerMinute: 1e6, loginPerUser: 1e6, loginPerIp: 1e6 }

interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A GET over a socket of its own (node:http, no pooling); fails the test when no answer comes within 10 s. */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer within 10 s to ${path.slice(0, 60)}…`)))
    req.on('error', reject)
    req.end()
  })
}

/** The problem+json an answer carries (its code, status and title checked against the HTTP status). */
function problemOf(answer: RawAnswer) {
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/)
  const problem = problemResponse.parse(JSON.parse(answer.body))
  expect(problem.status).toBe(answer.status)
  return problem
}

describe.each(backends)('hardening on the %s backend', (backend) => {
  let app: TestApp
  const extra: { close(): Promise<void> }[] = []

  /** Another app over the same database with other options (public read on unless said), on its own port. */
  async function variant(options: Partial<AppOptions>): Promise<string> {
    const quiet = pino({ level: 'silent' }) as unknown as ReturnType<typeof createLogger>
    const server = createApp({
      db: app.server.db,
      logger: quiet,
      version: 'test',
      publicRead: true,
      ...options,
    }).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    extra.push({ close: () => new Promise((resolve) => server.close(() => resolve())) })
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS })
  })
  afterAll(async () => {
    for (const server of extra) await server.close()
    await app?.close()
  })

  it('sends security headers with the Content-Security-Policy on the API and the web app', async () => {
    for (const path of ['/api/v1/compounds?limit=1', '/api/v1/nowhere', '/api/v1/docs/', '/']) {
      const res = await app.get(path)
      expect(res.headers.get('content-security-policy'), path).toBe(CSP)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
      expect(res.headers.get('x-powered-by')).toBeNull()
    }
  })

  it('serves the app at / and answers any other page path 404 with the app, which says the page does not exist', async () => {
    const start = await app.get('/', { headers: { accept: 'text/html' } })
    expect(start.status).toBe(200)
    const shell = await start.text()
    expect(shell).toContain('<div id="root"></div>')
    for (const path of ['/nowhere', '/dashboard', '/assets/', '/index.htm']) {
      const res = await app.get(path, { headers: { accept: 'text/html' } })
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/)
      expect(await res.text(), path).toBe(shell)
    }
    // The app's own files and the API are as before.
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(shell)?.[1] ?? ''
    expect((await app.get(script)).status).toBe(200)
    const api = await app.get('/api/v1/nowhere', { headers: { accept: 'text/html' } })
    expect(api.status).toBe(404)
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('sends no CORS headers unless origins are configured, and then only to those', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/api/v1/tokens`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-csrf-token',
        },
      })
    const closed = await app.get('/api/v1/compounds?limit=1', { headers: { origin: 'https://evil.example' } })
    expect(closed.headers.get('access-control-allow-origin')).toBeNull()
    expect(
      (await preflight(app.url, 'https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull()

    const open = await variant({ corsOrigins: ['https://gis.example.org'], rateLimits: HIGH_LIMITS })
    const allowed = await preflight(open, 'https://gis.example.org')
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://gis.example.org')
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/X-CSRF-Token/i)
    const read = await fetch(`${open}/api/v1/compounds?limit=1`, {
      headers: { origin: 'https://gis.example.org' },
    })
    expect(read.headers.get('access-control-allow-origin')).toBe('https://gis.example.org')
    const other = await fetch(`${open}/api/v1/compounds?limit=1`, {
      headers: { origin: 'https://evil.example' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a JSON body over 1 MB with 413 problem+json before reading it as a sign-in', async () => {
    const res = await app.get('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'p'.repeat(1_100_000) }),
    })
    expect(res.status).toBe(413)
    expect(problemResponse.parse(await res.json()).code).toBe('payload_too_large')
  })

  it('answers 429 problem+json with Retry-After over the per-minute limit, tiles counted apart', async () => {
    const url = await variant({ rateLimits: { ...HIGH_LIMITS, perMinute: 20, tilesPerMinute: 40 } })
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await fetch(`${url}/api/v1/streets?limit=1`)).status)
    expect(statuses.every((s) => s === 200)).toBe(true)
    const refused = await fetch(`${url}/api/v1/compounds?limit=1`)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(problemResponse.parse(await refused.json()).code).toBe('too_many_requests')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // A map view's tiles have their own, higher limit.
    expect((await fetch(`${url}/api/v1/tiles/compounds.json`)).status).toBe(200)
    // The web app itself is not rate-limited.
    expect((await fetch(`${url}/`)).status).not.toBe(429)
  })

  it('never rate-limits the health check, so a monitor sees the service up while its neighbours get 429', async () => {
    const url = await variant({ rateLimits: { ...HIGH_LIMITS, perMinute: 5 } })
    // Checks use up nothing of the client's allowance…
    for (let i = 0; i < 30; i++) expect((await fetch(`${url}/api/v1/health`)).status).toBe(200)
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/api/v1/streets?limit=1`)).status).toBe(200)
    expect((await fetch(`${url}/api/v1/compounds?limit=1`)).status).toBe(429)
    // …and are answered once it is spent, a burst of them from one look at the database.
    const queries: string[] = []
    const count = (query: { sql: string }) => queries.push(query.sql)
    const { knex } = app.server.db
    await new Promise((resolve) => setTimeout(resolve, 1100))
    knex.on('query', count)
    let burst: Response[]
    try {
      burst = await Promise.all(Array.from({ length: 100 }, () => fetch(`${url}/api/v1/health`)))
    } finally {
      knex.removeListener('query', count)
    }
    expect(burst.map((res) => res.status)).toEqual(Array(100).fill(200))
    expect(burst[0]?.headers.get('ratelimit')).toBeNull()
    for (const res of burst) expect(((await res.json()) as { status: string }).status).toBe('ok')
    const looks = queries.filter((sql) => /knex_migrations/.test(sql)).length
    expect(looks).toBeGreaterThan(0)
    // One look is four queries; without the shared look the burst would make 400.
    expect(queries.length).toBeLessThan(20)
  })

  describe('oversized requests, over a real socket, signed in with a session cookie or a token or not at all', () => {
    const callers = async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, viewer)
      const token = await createBearerToken(app.server.db, viewer.id)
      return {
        'no credentials': {},
        'a session cookie': { cookie: client.cookie },
        'a bearer token': bearer(token),
        'a forged session cookie': { cookie: 'atlas_session=forged' },
      } as Record<string, Record<string, string>>
    }

    it('answers a URL of 9,000 characters as it answers a short one, whoever asks', async () => {
      for (const [who, headers] of Object.entries(await callers())) {
        for (const [path, status, code] of [
          [`/api/v1/compounds?q=${'a'.repeat(9_000)}`, 400, 'invalid_parameter'],
          [`/api/v1/search/compounds?q=${'苑'.repeat(1_000)}`, 400, 'invalid_parameter'],
          [`/ogc/collections?x=${'a'.repeat(9_000)}`, 400, 'invalid_parameter'],
          [`/api/v1/nowhere?x=${'a'.repeat(9_000)}`, 404, 'not_found'],
        ] as const) {
          const answer = await rawGet(app.url, path, headers)
          expect(answer.status, `${who}: ${path.slice(0, 40)}`).toBe(status)
          expect(problemOf(answer).code).toBe(code)
        }
      }
    })

    it('refuses a URL over 20,000 characters with 414 problem+json on /api, /ogc and the web app, before the session is read', async () => {
      const asking = await callers()
      const logsBefore = app.logs.length
      for (const [who, headers] of Object.entries(asking)) {
        for (const start of ['/api/v1/compounds?q=', '/ogc/collections?x=', '/?x=', '/assets/app.js?x=']) {
          const path = `${start}${'a'.repeat(20_001)}`
          const answer = await rawGet(app.url, path, headers)
          expect(answer.status, `${who}: ${start}`).toBe(414)
          const problem = problemOf(answer)
          expect(problem.code).toBe('uri_too_long')
          expect(problem.detail).toMatch(/longer than 20,000 characters/)
          expect(problem.instance?.length).toBeLessThan(2100)
          // Refused before any session lookup: a forged cookie is not even cleared.
          expect(answer.headers['set-cookie']).toBeUndefined()
        }
      }
      // Logged by its start only.
      const logged = app.logs.slice(logsBefore)
      expect(logged.filter((line) => line.msg === 'request refused: URL too long')).toHaveLength(16)
      expect(JSON.stringify(logged)).not.toContain('a'.repeat(1_000))
    })

    it('refuses headers over 32 KiB with 431, a request line the parser gives up on with 414, and bytes that are not HTTP with 400, each as problem+json', async () => {
      for (const [who, headers] of Object.entries(await callers())) {
        const cookie = `${headers.cookie ?? 'theme=dark'}; filler=${'x'.repeat(40_000)}`
        const large = await rawGet(app.url, '/api/v1/compounds?limit=1', { ...headers, cookie })
        expect(large.status, who).toBe(431)
        expect(problemOf(large).code).toBe('headers_too_large')

        const line = await rawGet(app.url, `/api/v1/compounds?q=${'a'.repeat(40_000)}`, headers)
        // The parser stops at 32 KiB: a request line that long is named as such when it arrived in one piece.
        expect([414, 431], who).toContain(line.status)
        expect(problemOf(line).code).toBe(line.status === 414 ? 'uri_too_long' : 'headers_too_large')
      }
      const garbage = await new Promise<string>((resolve, reject) => {
        const socket = connect(app.server.port, '127.0.0.1', () => socket.write('HELLO THERE\r\n\r\n'))
        let text = ''
        socket.setEncoding('utf8')
        socket.on('data', (chunk) => {
          text += chunk
        })
        socket.on('end', () => resolve(text))
        socket.on('error', reject)
        socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')))
      })
      const [head = '', body = ''] = garbage.split('\r\n\r\n')
      expect(head).toMatch(/^HTTP\/1\.1 400 /)
      expect(head).toMatch(/content-type: application\/problem\+json/i)
      expect(problemResponse.parse(JSON.parse(body)).code).toBe('malformed_request')
      // The server goes on answering.
      expect((await rawGet(app.url, '/api/v1/health')).status).toBe(200)
    })
  })

  it('with public read off, answers 401 to visitors but serves signed-in users and tokens', async () => {
    const url = await variant({ publicRead: false, rateLimits: HIGH_LIMITS })
    const refused = await fetch(`${url}/api/v1/compounds?limit=1`)
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(problemResponse.parse(await refused.json()).code).toBe('unauthenticated')
    for (const path of [
      '/api/v1/tiles/compounds.json',
      '/api/v1/stats/summary',
      '/api/v1/search/compounds?q=x',
    ]) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(401)
    }
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200)
    expect((await fetch(`${url}/api/v1/openapi.json`)).status).toBe(200)
    const session = sessionResponse.parse(await (await fetch(`${url}/api/v1/auth/session`)).json())
    expect(session).toMatchObject({ authenticated: false, publicRead: false, permissions: [] })

    const viewer = await createUser(app.server.db, { role: 'viewer' })
    const token = await createBearerToken(app.server.db, viewer.id)
    expect((await fetch(`${url}/api/v1/compounds?limit=1`, { headers: bearer(token) })).status).toBe(200)
    const client = await signIn({ url }, viewer)
    expect((await client.fetch('/api/v1/compounds?limit=1')).status).toBe(200)
  })

  it('keeps session cookies, bearer tokens and CSRF tokens out of the log', async () => {
    const viewer = await createUser(app.server.db, { role: 'viewer' })
    const client = await signIn(app, viewer)
    const token = await createBearerToken(app.server.db, viewer.id)
    await client.fetch('/api/v1/tokens', { method: 'POST', json: { name: 'logged?' } })
    await app.get('/api/v1/tokens', { headers: bearer(token) })
    const logged = JSON.stringify(app.logs)
    expect(logged).not.toContain(client.cookie.split('=')[1])
    expect(logged).not.toContain(token)
    expect(logged).not.toContain(client.csrfToken)
    expect(logged).not.toContain(viewer.password)
  })

  it('logs one compact line per request: method, URL, status and time, no headers', async () => {
    const before = app.logs.length
    await app.get(`/api/v1/streets?limit=1&pad=${'x'.repeat(1000)}`, {
      headers: { 'x-noise': 'y'.repeat(2000) },
    })
    const lines = app.logs.slice(before).filter((line) => (line as { res?: unknown }).res)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      const { req, res, responseTime } = line as unknown as {
        req: Record<string, unknown>
        res: Record<string, unknown>
        responseTime: number
      }
      expect(Object.keys(req).sort()).toEqual(['id', 'method', 'url'])
      expect(req.method).toBe('GET')
      expect(String(req.url)).toMatch(/^\/api\/v1\/streets\?limit=1&pad=x+…$/)
      expect(res).toEqual({ statusCode: 400 })
      expect(responseTime).toBeGreaterThanOrEqual(0)
      expect(JSON.stringify(line).length).toBeLessThan(700)
    }
  })

  it('answers a database failure with a generic 500 that shows no SQL, stack or path, and logs it', async () => {
    const knex = app.server.db.knex
    await knex.raw('alter table ?? rename to ??', ['streets', 'streets_away'])
    try {
      const res = await app.get('/api/v1/streets')
      expect(res.status).toBe(500)
      const text = await res.text()
      expect(problemResponse.parse(JSON.parse(text)).code).toBe('internal_error')
      expect(text).not.toMatch(LEAK)
      expect(text).not.toMatch(/streets_away|relation/)
    } finally {
      await knex.raw('alter table ?? rename to ??', ['streets_away', 'streets'])
    }
    expect(app.logs.some((line) => line.level >= 50)).toBe(true)
    expect((await app.get('/api/v1/streets')).status).toBe(200)
  })

  it('runs every query under a statement timeout', async () => {
    const { rows } = await app.server.db.knex.raw<{ rows: { statement_timeout: string }[] }>(
      'show statement_timeout',
    )
    expect(rows[0]?.statement_timeout).toBe('30s')
    if (backend !== 'server') return
    // On a server the timeout really cancels: a connection with a short one gives up on pg_sleep.
    const url = (app.server.db.knex.client as { config: { connection: { connectionString: string } } }).config
      .connection.connectionString
    const short = await openDatabase({ databaseUrl: url, statementTimeoutMs: 200, poolMax: 1 })
    try {
      await expect(short.knex.raw('select pg_sleep(2)')).rejects.toMatchObject({ code: '57014' })
    } finally {
      await short.close()
    }
  })

  // One browser check is enough: it runs against the embedded app (always in CI, where Chromium is installed).
  it.skipIf(backend !== 'embedded' || (!existsSync(CHROMIUM) && !process.env.CI))(
    'shows the API reference in a browser under the Content-Security-Policy, with no violation',
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
      try {
        const page = await browser.newPage()
        const violations: string[] = []
        page.on('console', (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
        })
        await page.goto(`${app.url}/api/v1/docs/`)
        await page.waitForSelector('.swagger-ui .info .title', { timeout: 30_000 })
        expect(await page.textContent('.swagger-ui .info .title')).toMatch(/Renewal Atlas API/)
        await page.waitForSelector('.opblock-tag', { timeout: 30_000 })
        expect(await page.locator('.opblock-tag').allTextContents()).toEqual(
          expect.arrayContaining([expect.stringMatching(/Accounts 账户/)]),
        )
        expect(violations).toEqual([])
      } finally {
        await browser.close()
      }
    },
  )
})
