// Who may use which route, generated from the one permission table (ROUTE_ACCESS) and the routes the app really
// serves: every route × every role (and visitors with public read on and off) × inside and outside the user's
// streets answers exactly the expected status. A served route without a rule, or a rule without a route, fails.
import type { AddressInfo } from 'node:net'
import { apiRoutesOf, createApp, type createLogger } from '@renewal-atlas/api'
import {
  ANONYMOUS_PERMISSIONS,
  can,
  districtCollection,
  isAreaLimited,
  ROUTE_ACCESS,
  type Role,
  type RouteAccessKey,
  type RouteRule,
} from '@renewal-atlas/domain'
import express from 'express'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorize } from '../../apps/api/src/auth/authorize.ts'
import { compileRouteTable, toOpenApiPath } from '../../apps/api/src/auth/route-table.ts'
import { problemHandler } from '../../apps/api/src/http/problem.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { createUser, type SignedInClient, signIn } from '../support/auth.ts'
import { backends } from '../support/backends.ts'

/** 沙河街道: the demo planner's and demo design institute's street. Wufuyuan (五福苑) lies in it. */
const SHAHE = '510104030'
const CHUNXILU = '510104022'
/** 锦官驿街道: outside both. */
const OUTSIDE_STREET = '510104017'

type PrincipalName =
  | 'anonymous, public read on'
  | 'anonymous, public read off'
  | 'admin'
  | 'planner'
  | 'leadership'
  | 'design_institute'
  | 'viewer'
type Where = 'inside' | 'outside' | 'anywhere'

const ROLES: Role[] = ['admin', 'planner', 'leadership', 'design_institute', 'viewer']
const PRINCIPALS: PrincipalName[] = ['anonymous, public read on', 'anonymous, public read off', ...ROLES]
const STREETS: Partial<Record<Role, string[]>> = { planner: [SHAHE, CHUNXILU], design_institute: [SHAHE] }

/** The status a principal must get from a route, from the table: the rule decides, the probe says what "allowed" is. */
function expectedStatus(rule: RouteRule, who: PrincipalName, where: Where, allowed: number): number {
  if (rule.permission === 'public') return allowed
  if (who.startsWith('anonymous')) {
    const open = who === 'anonymous, public read on'
    return open && rule.permission !== 'signedIn' && ANONYMOUS_PERMISSIONS.includes(rule.permission)
      ? allowed
      : 401
  }
  const role = who as Role
  if (rule.permission === 'signedIn') return allowed
  if (!can(role, rule.permission)) return 403
  if (rule.area === 'compound' && where === 'outside' && isAreaLimited(role, rule.permission)) {
    // A record the role may not even read is not there for it (404, as an unknown id); one it reads but may not
    // change is outside its streets (403 outside_area).
    return isAreaLimited(role, 'read') ? 404 : 403
  }
  return allowed
}

interface ProbeContext {
  compoundId: number
  userId: number
  unique: string
}

/** How to call a route so that a caller who may use it gets a known status without side effects that matter. */
interface Probe {
  path?: (ctx: ProbeContext) => string
  body?: (ctx: ProbeContext) => unknown
  allowed: number
  /** Sign in again for each call (the call ends the session). */
  fresh?: boolean
}

// Wufuyuan at z14: a tile with features on both backends.
const WUFUYUAN_TILE = tileAt(104.10167, 30.64724, 14)

/** One probe per rule: a rule without a probe does not compile. */
const PROBES: Record<RouteAccessKey, Probe> = {
  'GET /api/v1/health': { allowed: 200 },
  'GET /api/v1/openapi.json': { allowed: 200 },
  'GET /api/v1/docs': { allowed: 301 },
  'GET /api/v1/docs/{file}': { path: () => '/api/v1/docs/swagger-ui.css', allowed: 200 },

  'POST /api/v1/auth/login': {
    body: ({ unique }) => ({ username: `nobody-${unique}`, password: 'not the password' }),
    allowed: 401,
  },
  'POST /api/v1/auth/logout': { allowed: 204, fresh: true },
  'GET /api/v1/auth/session': { allowed: 200 },
  'POST /api/v1/auth/password': {
    body: () => ({ currentPassword: 'not the password', newPassword: 'a new long password' }),
    allowed: 400,
  },
  'GET /api/v1/tokens': { allowed: 200 },
  'POST /api/v1/tokens': { body: ({ unique }) => ({ name: `matrix ${unique}` }), allowed: 201 },
  'DELETE /api/v1/tokens/{id}': { path: () => '/api/v1/tokens/999999', allowed: 404 },
  'GET /api/v1/users': { allowed: 200 },
  'POST /api/v1/users': {
    body: ({ unique }) => ({ username: `matrix-${unique}`, role: 'viewer' }),
    allowed: 201,
  },
  'GET /api/v1/users/{id}': { path: ({ userId }) => `/api/v1/users/${userId}`, allowed: 200 },
  // Without If-Match: a caller who may edit users gets 428, the others are stopped before.
  'PATCH /api/v1/users/{id}': {
    path: ({ userId }) => `/api/v1/users/${userId}`,
    body: () => ({ displayName: 'x' }),
    allowed: 428,
  },
  'POST /api/v1/users/{id}/password': {
    path: ({ userId }) => `/api/v1/users/${userId}/password`,
    allowed: 200,
  },
  'GET /api/v1/audit': { allowed: 200 },

  'GET /api/v1/district': { allowed: 200 },
  'GET /api/v1/streets': { allowed: 200 },
  'GET /api/v1/communities': { allowed: 200 },
  'GET /api/v1/roads/dead-ends': { allowed: 200 },
  'GET /api/v1/tiles/{layer}/{z}/{x}/{y}.mvt': {
    path: () => `/api/v1/tiles/compounds/${WUFUYUAN_TILE.z}/${WUFUYUAN_TILE.x}/${WUFUYUAN_TILE.y}.mvt`,
    allowed: 200,
  },
  'GET /api/v1/tiles/{layer}.json': { path: () => '/api/v1/tiles/compounds.json', allowed: 200 },
  'GET /api/v1/layers': { allowed: 200 },

  'GET /api/v1/compounds': { path: () => '/api/v1/compounds?limit=1', allowed: 200 },
  'GET /api/v1/search/compounds': { path: () => '/api/v1/search/compounds?q=%E8%8B%91', allowed: 200 },
  'GET /api/v1/compounds/{id}': { allowed: 200 },
  'GET /api/v1/compounds/{id}/buildings': { allowed: 200 },
  'GET /api/v1/compounds/{id}/projects': { allowed: 200 },
  'GET /api/v1/compounds/{id}/findings': { allowed: 200 },
  'GET /api/v1/compounds/{id}/suggestions': { allowed: 200 },
  'GET /api/v1/compounds/{id}/history': { allowed: 200 },
  // Edits without If-Match: 428 once authorised, so nothing is written.
  'PATCH /api/v1/compounds/{id}': { body: () => ({ name: 'x' }), allowed: 428 },
  'DELETE /api/v1/compounds/{id}': { allowed: 428 },
  'POST /api/v1/compounds/{id}/history/{entryId}/restore': {
    path: ({ compoundId }) => `/api/v1/compounds/${compoundId}/history/1/restore`,
    allowed: 428,
  },
  'GET /api/v1/deleted-compounds': { allowed: 200 },
  'POST /api/v1/compounds/{id}/undelete': { allowed: 428 },

  'GET /api/v1/stats/coverage': { allowed: 200 },
  'GET /api/v1/stats/summary': { allowed: 200 },
  'GET /api/v1/stats/progress': { allowed: 200 },
  'GET /api/v1/stats/renovation-content': { allowed: 200 },
  'GET /api/v1/stats/funding': { allowed: 200 },
  'GET /api/v1/stats/build-era': { allowed: 200 },
  'GET /api/v1/stats/review-list': { allowed: 200 },
  'GET /api/v1/stats/settings': { allowed: 200 },
  'GET /api/v1/stats/report.pdf': { allowed: 200 },

  // Exports near Wufuyuan: small, and inside the design institute's street.
  'GET /api/v1/exports/bundle': {
    path: ({ compoundId }) => `/api/v1/exports/bundle?layers=compounds&near=${compoundId}&radius=50`,
    allowed: 200,
  },
  'GET /api/v1/exports/{layer}': {
    path: ({ compoundId }) => `/api/v1/exports/compounds?near=${compoundId}&radius=50`,
    allowed: 200,
  },
  'GET /api/v1/exports/{layer}/metadata': { path: () => '/api/v1/exports/compounds/metadata', allowed: 200 },
  // An upload without its fileName is refused once authorised: nothing is stored.
  'POST /api/v1/imports': { path: () => '/api/v1/imports', allowed: 400 },
  'GET /api/v1/imports': { allowed: 200 },
  'GET /api/v1/imports/{id}': { path: () => '/api/v1/imports/999999', allowed: 404 },
  'POST /api/v1/imports/{id}/validate': {
    path: () => '/api/v1/imports/999999/validate',
    body: () => ({ target: 'buildings' }),
    allowed: 404,
  },
  'POST /api/v1/imports/{id}/commit': {
    path: () => '/api/v1/imports/999999/commit',
    body: () => ({ target: 'buildings' }),
    allowed: 404,
  },
  'POST /api/v1/imports/{id}/rollback': { path: () => '/api/v1/imports/999999/rollback', allowed: 404 },

  'GET /ogc': { allowed: 200 },
  'GET /ogc/conformance': { allowed: 200 },
  'GET /ogc/api': { allowed: 200 },
  'GET /ogc/collections': { allowed: 200 },
  'GET /ogc/collections/{collectionId}': { path: () => '/ogc/collections/compounds', allowed: 200 },
  'GET /ogc/collections/{collectionId}/items': {
    path: () => '/ogc/collections/compounds/items?limit=1',
    allowed: 200,
  },
  'GET /ogc/collections/{collectionId}/items/{featureId}': {
    path: ({ compoundId }) => `/ogc/collections/compounds/items/${compoundId}`,
    allowed: 200,
  },
}

/** Served by middleware (swagger-ui's static files), not by a route Express can list. */
const SERVED_BY_MIDDLEWARE = new Set<string>(['GET /api/v1/docs', 'GET /api/v1/docs/{file}'])
/** Part of the API but not of its OpenAPI description. */
const UNDOCUMENTED = new Set<string>([
  'GET /api/v1/openapi.json',
  ...SERVED_BY_MIDDLEWARE,
  // OGC API Features describes itself at /ogc/api, not in the /api/v1 description.
  ...Object.keys(ROUTE_ACCESS).filter((key) => key.startsWith('GET /ogc')),
])

const RULE_KEYS = Object.keys(ROUTE_ACCESS) as RouteAccessKey[]
const HIGH_LIMITS = { perMinute: 1e6, tilesPerMinute: 1e6, loginPerUser: 1e6, loginPerIp: 1e6 }

function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  }
}

describe('the permission table', () => {
  it('gives each role what the issue says, and visitors only reading', () => {
    const rule = (key: RouteAccessKey) => ROUTE_ACCESS[key] as RouteRule
    // [who, route, where, expected status when the route lets them through with 200]
    const spotChecks: [PrincipalName, RouteAccessKey, Where, number][] = [
      ['anonymous, public read on', 'GET /api/v1/compounds', 'anywhere', 200],
      ['anonymous, public read off', 'GET /api/v1/compounds', 'anywhere', 401],
      ['anonymous, public read on', 'POST /api/v1/tokens', 'anywhere', 401],
      ['anonymous, public read on', 'PATCH /api/v1/compounds/{id}', 'inside', 401],
      ['anonymous, public read off', 'GET /api/v1/health', 'anywhere', 200],
      ['planner', 'PATCH /api/v1/compounds/{id}', 'inside', 200],
      ['planner', 'PATCH /api/v1/compounds/{id}', 'outside', 403],
      ['planner', 'GET /api/v1/compounds/{id}', 'outside', 200],
      ['planner', 'GET /api/v1/users', 'anywhere', 403],
      ['planner', 'GET /api/v1/audit', 'anywhere', 403],
      ['leadership', 'GET /api/v1/stats/report.pdf', 'anywhere', 200],
      ['leadership', 'PATCH /api/v1/compounds/{id}', 'inside', 403],
      ['design_institute', 'GET /api/v1/compounds/{id}', 'inside', 200],
      ['design_institute', 'GET /api/v1/compounds/{id}/buildings', 'outside', 404],
      ['design_institute', 'GET /api/v1/stats/summary', 'anywhere', 403],
      ['viewer', 'GET /api/v1/stats/summary', 'anywhere', 200],
      ['viewer', 'DELETE /api/v1/compounds/{id}', 'inside', 403],
      ['viewer', 'POST /api/v1/tokens', 'anywhere', 200],
      ['admin', 'GET /api/v1/audit', 'anywhere', 200],
      ['admin', 'POST /api/v1/compounds/{id}/undelete', 'outside', 200],
      ['admin', 'GET /api/v1/deleted-compounds', 'anywhere', 200],
      ['planner', 'GET /api/v1/deleted-compounds', 'anywhere', 403],
    ]
    for (const [who, key, where, status] of spotChecks) {
      expect(expectedStatus(rule(key), who, where, 200), `${who} ${key} ${where}`).toBe(status)
    }
  })

  it('refuses with 500 a request to a served route that has no rule, and with 404 one to no route', async () => {
    const app = express()
    app.use((_req, res, next) => {
      res.locals.principal = { kind: 'anonymous' }
      next()
    })
    app.use(
      authorize({
        rules: compileRouteTable({ 'GET /ruled': { permission: 'public' } }),
        publicRead: true,
        served: (method, path) => method === 'GET' && path === '/unruled',
        compoundStreetId: async () => undefined,
      }),
    )
    app.get('/ruled', (_req, res) => {
      res.json({ ok: true })
    })
    app.get('/unruled', (_req, res) => {
      res.json({ leaked: true })
    })
    app.use(problemHandler)
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      expect((await fetch(`${url}/ruled`)).status).toBe(200)
      const unruled = await fetch(`${url}/unruled`)
      expect(unruled.status).toBe(500)
      expect(await unruled.text()).not.toMatch(/leaked/)
      expect((await fetch(`${url}/nowhere`)).status).toBe(404)
    } finally {
      server.close()
    }
  })
})

describe.each(backends)('access matrix on the %s backend', (backend) => {
  let app: TestApp
  let closedUrl: string
  let closeClosed: () => Promise<void>
  const credentials = new Map<Role, { username: string; password: string }>()
  const clients = new Map<Role, SignedInClient>()
  const compounds = { inside: 0, outside: 0 }
  let targetUserId = 0
  let served: Set<string>
  let documented: Set<string>
  let counter = 0

  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS, demoAccounts: false })
    const { db } = app.server
    for (const role of ROLES) {
      const user = await createUser(db, { role, streets: STREETS[role] ?? [] })
      credentials.set(role, user)
      clients.set(role, await signIn(app, user))
    }
    targetUserId = (await createUser(db, { role: 'viewer' })).id
    const compoundIn = async (street: string, name?: string) => {
      const q = db
        .knex('compounds as c')
        .join('communities as cm', 'cm.id', 'c.community_id')
        .join('streets as s', 's.id', 'cm.street_id')
        .where('s.code', street)
      if (name) q.where('c.name', name)
      return Number((await q.orderBy('c.id').first('c.id')).id)
    }
    compounds.inside = await compoundIn(SHAHE, '五福苑')
    compounds.outside = await compoundIn(OUTSIDE_STREET)

    // The same database behind a second app with public read off.
    const quiet = pino({ level: 'silent' }) as unknown as ReturnType<typeof createLogger>
    const closedApp = createApp({
      db,
      logger: quiet,
      version: 'test',
      publicRead: false,
      rateLimits: HIGH_LIMITS,
    })
    const server = closedApp.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    closedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    closeClosed = () => new Promise((resolve) => server.close(() => resolve()))

    served = new Set(apiRoutesOf(closedApp).map((r) => `${r.method} ${toOpenApiPath(r.path)}`))
    const doc = (await (await app.get('/api/v1/openapi.json')).json()) as { paths: Record<string, object> }
    documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    )
  })
  afterAll(async () => {
    await closeClosed?.()
    await app?.close()
  })

  it('has a rule in ROUTE_ACCESS for every route the API serves', () => {
    const withoutRule = [...served].filter((key) => !(key in ROUTE_ACCESS))
    expect(withoutRule, 'served routes without an access rule').toEqual([])
  })

  it('serves every route that ROUTE_ACCESS has a rule for', () => {
    const withoutRoute = RULE_KEYS.filter((key) => !SERVED_BY_MIDDLEWARE.has(key) && !served.has(key))
    expect(withoutRoute, 'access rules whose route the API does not serve (yet)').toEqual([])
  })

  it('documents every ruled route in the OpenAPI description, and rules every documented one', () => {
    expect(RULE_KEYS.filter((key) => !UNDOCUMENTED.has(key) && !documented.has(key))).toEqual([])
    expect([...documented].filter((key) => !(key in ROUTE_ACCESS))).toEqual([])
  })

  it.each(RULE_KEYS)(
    '%s answers every role, inside and outside its streets, as the table says',
    async (key) => {
      const rule = ROUTE_ACCESS[key] as RouteRule
      const probe = PROBES[key]
      const [method = 'GET', pathPattern = ''] = key.split(' ')
      if (!SERVED_BY_MIDDLEWARE.has(key) && !served.has(key)) {
        expect.fail(`${key} has a rule but the API does not serve it (yet)`)
      }
      const wheres: Where[] = rule.area === 'compound' ? ['inside', 'outside'] : ['anywhere']
      const wrong: string[] = []
      for (const who of PRINCIPALS) {
        for (const where of wheres) {
          counter += 1
          const ctx: ProbeContext = {
            compoundId: where === 'outside' ? compounds.outside : compounds.inside,
            userId: targetUserId,
            unique: `${backend}-${counter}-${Date.now().toString(36)}`,
          }
          const path = probe.path?.(ctx) ?? pathPattern.replace('{id}', String(ctx.compoundId))
          const body = probe.body?.(ctx)
          const init: RequestInit = { method, redirect: 'manual' }
          let res: Response
          if (who.startsWith('anonymous')) {
            const base = who === 'anonymous, public read on' ? app.url : closedUrl
            res = await fetch(`${base}${path}`, {
              ...init,
              ...(body === undefined
                ? {}
                : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
            })
          } else {
            const role = who as Role
            const client = probe.fresh
              ? await signIn(app, credentials.get(role) as never)
              : (clients.get(role) as SignedInClient)
            res = await client.fetch(path, { ...init, ...(body === undefined ? {} : { json: body }) })
          }
          await res.arrayBuffer()
          const expected = expectedStatus(rule, who, where, probe.allowed)
          if (res.status !== expected) wrong.push(`${who} (${where}): ${res.status}, expected ${expected}`)
        }
      }
      expect(wrong, `${key}\n${wrong.join('\n')}`).toEqual([])
    },
  )

  it('narrows a design institute’s compound list and search to its streets', async () => {
    const design = clients.get('design_institute') as SignedInClient
    const admin = clients.get('admin') as SignedInClient
    const count = async (client: SignedInClient, query: string) =>
      (await (await client.fetch(`/api/v1/compounds?limit=1${query}`)).json()).numberMatched as number
    const inShahe = await count(admin, `&street=${SHAHE}`)
    expect(inShahe).toBeGreaterThan(0)
    expect(await count(design, '')).toBe(inShahe)
    expect(await count(design, `&street=${OUTSIDE_STREET}`)).toBe(0)
    expect(await count(admin, '')).toBeGreaterThan(inShahe)

    const search = async (client: SignedInClient) =>
      (await (await client.fetch('/api/v1/search/compounds?q=%E8%8B%91&limit=50')).json()).results as {
        streetName: string
      }[]
    const everywhere = await search(admin)
    expect(new Set(everywhere.map((r) => r.streetName)).size).toBeGreaterThan(1)
    const narrowed = await search(design)
    expect(narrowed.length).toBeGreaterThan(0)
    expect(new Set(narrowed.map((r) => r.streetName))).toEqual(new Set(['沙河街道']))
  })

  it('gives a design institute the district figures of its streets only, naming them, and others the whole district', async () => {
    const design = clients.get('design_institute') as SignedInClient
    const admin = clients.get('admin') as SignedInClient
    const summaryOf = async (client: SignedInClient) => {
      const res = await client.fetch('/api/v1/district')
      expect(res.status).toBe(200)
      return districtCollection.parse(await res.json()).features[0]?.properties.summary
    }
    const count = async (query: string) =>
      (await (await admin.fetch(`/api/v1/compounds?limit=1${query}`)).json()).numberMatched as number

    const whole = await summaryOf(admin)
    expect(whole).toMatchObject({
      compounds: 1189,
      oldCompounds: 751,
      renovatedOldCompounds: 477,
      streets: null,
    })
    const narrowed = await summaryOf(design)
    expect(narrowed).toMatchObject({
      compounds: await count(`&street=${SHAHE}`),
      oldCompounds: await count(`&street=${SHAHE}&onRegister=true`),
      renovatedOldCompounds: await count(`&street=${SHAHE}&onRegister=true&status=completed`),
      streets: [SHAHE],
    })
    expect(narrowed?.compounds).toBeLessThan(whole?.compounds ?? 0)
    expect(narrowed?.coverage).toBeCloseTo(
      (narrowed?.renovatedOldCompounds ?? 0) / (narrowed?.oldCompounds ?? 1),
      10,
    )
    // A visitor (public read on) and a planner, whose reading is not limited, see the whole district.
    expect(
      districtCollection.parse(await (await app.get('/api/v1/district')).json()).features[0]?.properties
        .summary,
    ).toEqual(whole)
    expect(await summaryOf(clients.get('planner') as SignedInClient)).toEqual(whole)
  })

  it('answers a design institute 404 for a compound outside its streets wherever it is addressed alone, as for one that does not exist', async () => {
    const design = clients.get('design_institute') as SignedInClient
    const missing = 2_000_000_000
    const addresses = (id: number) => [
      `/api/v1/compounds/${id}`,
      `/api/v1/compounds/${id}/buildings`,
      `/api/v1/compounds/${id}/projects`,
      `/api/v1/compounds/${id}/findings`,
      `/api/v1/compounds/${id}/suggestions`,
      `/api/v1/compounds/${id}/history`,
      `/ogc/collections/compounds/items/${id}`,
      `/api/v1/exports/compounds?near=${id}`,
      `/api/v1/exports/bundle?layers=compounds&near=${id}`,
    ]
    const answer = async (path: string, id: number) => {
      const res = await design.fetch(path)
      const body = (await res.json()) as { code?: string; detail?: string; title?: string }
      // The id is the only thing that may differ between the two answers.
      return {
        status: res.status,
        code: body.code,
        title: body.title,
        detail: body.detail?.replace(String(id), '#'),
      }
    }
    const outside = addresses(compounds.outside)
    const nowhere = addresses(missing)
    for (const [i, path] of outside.entries()) {
      const refused = await answer(path, compounds.outside)
      expect(refused, path).toEqual(await answer(nowhere[i] as string, missing))
      expect(refused.status, path).toBe(404)
      expect(refused.code, path).toBe('not_found')
    }
    // Inside its streets the same addresses answer.
    for (const path of addresses(compounds.inside)) expect((await design.fetch(path)).status, path).toBe(200)
    // A role that may not write at all is told so, whatever the record; a planner, who reads everywhere, learns
    // that the record it sees lies outside the streets it edits.
    const write = (client: SignedInClient) =>
      client.fetch(`/api/v1/compounds/${compounds.outside}`, { method: 'PATCH', json: { name: 'x' } })
    expect(((await (await write(design)).json()) as { code: string }).code).toBe('forbidden')
    const planner = await write(clients.get('planner') as SignedInClient)
    expect(planner.status).toBe(403)
    expect(((await planner.json()) as { code: string }).code).toBe('outside_area')
  })

  it('lets a planner read compounds everywhere but lists them all, not only its streets', async () => {
    const planner = clients.get('planner') as SignedInClient
    const admin = clients.get('admin') as SignedInClient
    const total = async (client: SignedInClient) =>
      (await (await client.fetch('/api/v1/compounds?limit=1')).json()).numberMatched as number
    expect(await total(planner)).toBe(await total(admin))
  })
})
