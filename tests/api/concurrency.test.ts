// Safe concurrent editing on every backend: many clients write the same version of one compound at once; exactly
// one wins, every other gets 412 with the winner's version, the audit log has one entry, the record is the winner's.
// The real app with real credentials: half the clients are an administrator's signed-in browser (cookie + CSRF
// token), half a planner's script with a personal access token.
import { compoundFeatureResponse, compoundVersionConflict } from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import {
  bearer,
  type Credentials,
  createBearerToken,
  createUser,
  type SignedInClient,
  signIn,
} from '../support/auth.ts'
import { backends } from '../support/backends.ts'

const CLIENTS = 50
const HIGH_LIMITS = { perMinute: 1e6, tilesPerMinute: 1e6 }

describe.each(backends)('concurrent edits on the %s backend', (backend) => {
  let app: TestApp
  let admin: Credentials
  let browser: SignedInClient
  let planner: Credentials
  let token: string
  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS })
    const { db } = app.server
    admin = await createUser(db, { role: 'admin' })
    browser = await signIn(app, admin)
    // A planner of every street: the area check runs on each of their writes and lets them through.
    planner = await createUser(db, { role: 'planner', streets: await db.knex('streets').pluck('code') })
    token = await createBearerToken(db, planner.id)
  })
  afterAll(async () => {
    await app?.close()
  })

  async function someCompound(offset: number) {
    const { id } = await app.server.db.knex('compounds').orderBy('id').offset(offset).first('id')
    const res = await browser.fetch(`/api/v1/compounds/${id}`)
    // The token's first use is recorded (last_used_at) before the race, as a script would have read first.
    expect((await app.get(`/api/v1/compounds/${id}`, { headers: bearer(token) })).status).toBe(200)
    return { id: Number(id), etag: res.headers.get('etag') as string }
  }

  const auditRows = (id: number) =>
    app.server.db
      .knex('audit_entries')
      .where({ entity_type: 'compound', entity_id: String(id) })
      .orderBy('id')

  /** Client `client` (even: the administrator's browser, odd: the planner's token) writes. */
  function send(method: string, id: number, etag: string, body?: unknown, client = 0) {
    const init = {
      method,
      headers: { 'If-Match': etag, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }
    return client % 2
      ? app.get(`/api/v1/compounds/${id}`, { ...init, headers: { ...init.headers, ...bearer(token) } })
      : browser.fetch(`/api/v1/compounds/${id}`, init)
  }
  const userOf = (client: number) => (client % 2 ? planner : admin).id

  it(`lets exactly one of ${CLIENTS} PATCHes of the same version win; the others get 412 and nothing of theirs is kept`, async () => {
    const { id, etag } = await someCompound(10)
    expect(etag).toBe('"1"')
    const bodies = Array.from({ length: CLIENTS }, (_, i) => ({
      name: `并发写入 ${i}`,
      households: 1000 + i,
      residents: 3000 + i,
    }))
    const responses = await Promise.all(bodies.map((body, i) => send('PATCH', id, etag, body, i)))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 412)).toHaveLength(CLIENTS - 1)

    const winner = statuses.indexOf(200)
    const written = compoundFeatureResponse.parse(await responses[winner]?.json())
    expect(responses[winner]?.headers.get('etag')).toBe('"2"')
    for (const [i, res] of responses.entries()) {
      if (i === winner) continue
      const conflict = compoundVersionConflict.parse(await res.json())
      expect(conflict.currentVersion).toBe(2)
      expect(conflict.current.properties).toMatchObject(bodies[winner] ?? {})
    }

    const audit = await auditRows(id)
    expect(audit).toHaveLength(1)
    expect(audit[0].action).toBe('update')
    expect(Number(audit[0].user_id)).toBe(userOf(winner))
    expect(audit[0].before.properties.version).toBe(1)
    expect(audit[0].after.properties).toMatchObject({ ...bodies[winner], version: 2 })

    const now = compoundFeatureResponse.parse(await (await browser.fetch(`/api/v1/compounds/${id}`)).json())
    expect(now).toEqual(written)
    expect(now.properties).toMatchObject({ ...bodies[winner], version: 2 })
  })

  it('lets one of PATCHes and DELETEs racing on one version win; the rest get 412 or, once it is gone, 404', async () => {
    const { id, etag } = await someCompound(20)
    const requests = Array.from({ length: CLIENTS }, (_, i) =>
      // Each kind of client both deletes and patches: i % 4 picks the write, i % 2 the client.
      i % 4 < 2 ? send('DELETE', id, etag, undefined, i) : send('PATCH', id, etag, { households: i }, i),
    )
    const statuses = (await Promise.all(requests)).map((r) => r.status)
    const wins = statuses.filter((s) => s === 200 || s === 204)
    expect(wins).toHaveLength(1)
    expect(statuses.every((s) => [200, 204, 404, 412].includes(s))).toBe(true)
    const winner = statuses.findIndex((s) => s === 200 || s === 204)
    const audit = await auditRows(id)
    expect(audit).toHaveLength(1)
    expect(audit[0].action).toBe(wins[0] === 204 ? 'delete' : 'update')
    expect(Number(audit[0].user_id)).toBe(userOf(winner))
    const record = await app.server.db.knex('compound_records').where({ id }).first('version', 'deleted_at')
    expect(record.version).toBe(2)
    expect(record.deleted_at === null).toBe(wins[0] === 200)
  })

  it('applies successive writes that each name the version before them, one audit entry per write', async () => {
    const { id } = await someCompound(30)
    for (let version = 1; version <= 10; version++) {
      const res = await send('PATCH', id, `"${version}"`, { households: version * 10 }, version)
      expect(res.status).toBe(200)
      expect(res.headers.get('etag')).toBe(`"${version + 1}"`)
    }
    const audit = await auditRows(id)
    expect(audit.map((row) => row.after.properties.households)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i + 1) * 10),
    )
    expect(audit.map((row) => Number(row.user_id))).toEqual(
      Array.from({ length: 10 }, (_, i) => userOf(i + 1)),
    )
  })
})
