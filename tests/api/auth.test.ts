// Accounts end to end on every backend: sign-in and sessions (expired and forged cookies, CSRF), passwords,
// personal access tokens, user administration with If-Match, the audit of it all, sign-in rate limits, the
// demo accounts of the first start and the `npm run atlas` command line.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createApp, type createLogger } from '@renewal-atlas/api'
import { openDatabase } from '@renewal-atlas/db'
import {
  apiTokenCreated,
  apiTokenList,
  auditPage,
  problemResponse,
  sessionResponse,
  userCreated,
  userRecord,
} from '@renewal-atlas/domain'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureFirstAccounts } from '../../apps/api/src/accounts/first-accounts.ts'
import { verifyPassword } from '../../apps/api/src/auth/password.ts'
import { newPasswordProblem } from '../../apps/api/src/auth/password-policy.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { atlasInProcess, atlasProcess } from '../support/atlas-cli.ts'
import {
  bearer,
  type Credentials,
  createBearerToken,
  createUser,
  type SignedInClient,
  sessionCookie,
  signIn,
} from '../support/auth.ts'
import { backends, createTestDatabase, embeddedTemplate } from '../support/backends.ts'

const HIGH_LIMITS = { perMinute: 1e6, tilesPerMinute: 1e6, loginPerUser: 1e6, loginPerIp: 1e6 }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

async function problem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const body = problemResponse.parse(await res.json())
  expect(body.code).toBe(code)
  return body
}

describe.each(backends)('accounts on the %s backend', (backend) => {
  let app: TestApp
  let admin: Credentials
  let adminClient: SignedInClient

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.get(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  const login = (username: string, password: string) => post('/api/v1/auth/login', { username, password })

  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS })
    admin = await createUser(app.server.db, { role: 'admin' })
    adminClient = await signIn(app, admin)
  })
  afterAll(async () => {
    await app?.close()
  })

  describe('signing in', () => {
    it('sets an httpOnly, SameSite=Lax session cookie and answers the session with its CSRF token', async () => {
      const planner = await createUser(app.server.db, {
        role: 'planner',
        streets: ['510104030', '510104022'],
      })
      const res = await login(planner.username, planner.password)
      expect(res.status).toBe(200)
      const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('atlas_session='))
      expect(setCookie).toMatch(/; HttpOnly/)
      expect(setCookie).toMatch(/; SameSite=Lax/)
      expect(setCookie).toMatch(/; Path=\//)
      expect(setCookie).not.toMatch(/; Secure/)
      const session = sessionResponse.parse(await res.json())
      expect(session).toMatchObject({ authenticated: true, via: 'session', publicRead: true })
      expect(session.user).toMatchObject({
        username: planner.username,
        role: 'planner',
        roleLabel: { zh: '规划人员', en: 'Planner' },
        mustChangePassword: false,
      })
      expect(session.user?.streets.map((s) => s.name).sort()).toEqual(['春熙路街道', '沙河街道'])
      expect(session.permissions).toContain('editCompounds')
      expect(session.permissions).not.toContain('manageUsers')
      expect(session.areaLimited).toEqual([
        'editCompounds',
        'editFindings',
        'editSuggestions',
        'editPlans',
        'import',
      ])
      expect(session.csrfToken).toMatch(/^[\w-]{40,}$/)
      // The cookie value is random and only its hash is stored.
      const value = (sessionCookie(res) as string).split('=')[1] as string
      const stored = await app.server.db.knex('sessions').where({ user_id: planner.id }).pluck('id')
      expect(stored).toHaveLength(1)
      expect(stored[0]).not.toBe(value)
      expect(stored[0]).toMatch(/^[0-9a-f]{64}$/)
    })

    it('marks the cookie Secure when the request came over TLS through a local proxy', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const res = await post(
        '/api/v1/auth/login',
        { username: viewer.username, password: viewer.password },
        { 'x-forwarded-proto': 'https' },
      )
      expect(res.status).toBe(200)
      expect(res.headers.getSetCookie().find((c) => c.startsWith('atlas_session='))).toMatch(/; Secure/)
    })

    it('refuses a wrong password, an unknown user and a deactivated user alike, with 401', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const gone = await createUser(app.server.db, { role: 'viewer', active: false })
      const answers = [
        await login(viewer.username, 'not the password'),
        await login('nobody-at-all', 'not the password'),
        await login(gone.username, gone.password),
      ]
      const details = new Set<string>()
      for (const res of answers) {
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
        expect(res.headers.getSetCookie()).toEqual([])
        details.add((await problem(res, 401, 'invalid_credentials')).detail)
      }
      expect(details.size).toBe(1)
    })

    it('takes as long for an unknown user name as for a wrong password', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      // The work a sign-in costs, as CPU time of this process (the server runs in it, scrypt on its thread pool):
      // unlike the time on the clock, it does not grow when other processes load the machine.
      const time = async (username: string) => {
        const start = process.cpuUsage()
        await (await login(username, 'not the password')).arrayBuffer()
        const used = process.cpuUsage(start)
        return used.user + used.system
      }
      const wrongPassword: number[] = []
      const unknownUser: number[] = []
      for (let i = 0; i < 7; i++) {
        wrongPassword.push(await time(viewer.username))
        unknownUser.push(await time(`nobody-${i}`))
      }
      const ratio = median(unknownUser) / median(wrongPassword)
      expect(ratio).toBeGreaterThan(0.5)
      expect(ratio).toBeLessThan(2)
    })

    it('validates the sign-in body and names the field', async () => {
      const body = await problem(
        await post('/api/v1/auth/login', { username: 'x' }),
        400,
        'invalid_parameter',
      )
      expect(body.errors?.map((e) => e.name)).toEqual(['password'])
      const extra = await problem(
        await post('/api/v1/auth/login', { username: 'x', password: 'y', admin: true }),
        400,
        'invalid_parameter',
      )
      expect(extra.errors?.[0]).toMatchObject({ name: 'admin', in: 'body' })
    })

    it('gives a new session at every sign-in, ending the one the browser had', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const first = await signIn(app, viewer)
      const res = await app.get('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: first.cookie },
        body: JSON.stringify({ username: viewer.username, password: viewer.password }),
      })
      expect(res.status).toBe(200)
      expect(sessionCookie(res)).not.toBe(first.cookie)
      expect((await first.fetch('/api/v1/tokens')).status).toBe(401)
    })
  })

  describe('sessions', () => {
    it('refuses an expired session with 401 and clears its cookie', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, viewer)
      await app.server.db
        .knex('sessions')
        .where({ user_id: viewer.id })
        .update({ expires_at: new Date(Date.now() - 1000) })
      const res = await client.fetch('/api/v1/tokens')
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      await problem(res, 401, 'session_expired')
      expect(res.headers.getSetCookie().join()).toMatch(/atlas_session=;.*Expires=Thu, 01 Jan 1970/)
    })

    it('refuses a session idle for more than 8 hours', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, viewer)
      await app.server.db
        .knex('sessions')
        .where({ user_id: viewer.id })
        .update({ last_seen_at: new Date(Date.now() - 8 * 3600_000 - 60_000) })
      await problem(await client.fetch('/api/v1/tokens'), 401, 'session_expired')
    })

    it('refuses forged cookies with 401 and treats them as nobody on public routes', async () => {
      for (const cookie of [
        'atlas_session=forged',
        `atlas_session=${'A'.repeat(43)}`,
        `atlas_session=${'x'.repeat(5000)}`,
        "atlas_session=' OR 1=1 --",
        'atlas_session=',
      ]) {
        const res = await app.get('/api/v1/tokens', { headers: { cookie } })
        expect(res.status, cookie.slice(0, 40)).toBe(401)
        const session = sessionResponse.parse(
          await (await app.get('/api/v1/auth/session', { headers: { cookie } })).json(),
        )
        expect(session.authenticated).toBe(false)
      }
    })

    it('refuses a cookie-authenticated write without the CSRF header or with a wrong one, with 403', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, viewer)
      const body = { name: 'from a form' }
      await problem(
        await client.fetch('/api/v1/tokens', { method: 'POST', json: body, csrf: false }),
        403,
        'csrf_failed',
      )
      await problem(
        await client.fetch('/api/v1/tokens', {
          method: 'POST',
          json: body,
          headers: { 'x-csrf-token': 'guess' },
        }),
        403,
        'csrf_failed',
      )
      const other = await signIn(app, viewer)
      await problem(
        await client.fetch('/api/v1/tokens', {
          method: 'POST',
          json: body,
          headers: { 'x-csrf-token': other.csrfToken },
        }),
        403,
        'csrf_failed',
      )
      await problem(
        await client.fetch('/api/v1/auth/logout', { method: 'POST', csrf: false }),
        403,
        'csrf_failed',
      )
      expect((await client.fetch('/api/v1/tokens', { method: 'POST', json: body })).status).toBe(201)
      expect(
        await app.server.db.knex('api_tokens').where({ user_id: viewer.id }).count('* as n').first(),
      ).toEqual({ n: 1 })
    })

    it('signs out: the cookie is cleared and the session no longer works', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, viewer)
      const res = await client.fetch('/api/v1/auth/logout', { method: 'POST' })
      expect(res.status).toBe(204)
      expect(res.headers.getSetCookie().join()).toMatch(/atlas_session=;/)
      await problem(await client.fetch('/api/v1/tokens'), 401, 'session_expired')
      expect(
        await app.server.db.knex('sessions').where({ user_id: viewer.id }).count('* as n').first(),
      ).toEqual({ n: 0 })
    })
  })

  describe('passwords', () => {
    it('changes the own password, refusing short ones and the user name, and ends the other sessions', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, viewer)
      const elsewhere = await signIn(app, viewer)
      const change = (currentPassword: string, newPassword: string) =>
        client.fetch('/api/v1/auth/password', { method: 'POST', json: { currentPassword, newPassword } })

      const short = await problem(await change(viewer.password, 'short'), 400, 'invalid_parameter')
      expect(short.errors?.[0]).toMatchObject({
        name: 'newPassword',
        reason: expect.stringMatching(/at least 10/),
      })
      // Long enough but guessed at once: the estimator's reason, in words.
      for (const [weak, reason] of [
        ['aaaaaaaaaa', 'Repeated characters like "aaa" are easy to guess.'],
        ['password123', 'This is a commonly used password.'],
        ['qwertyuiop', 'This is a frequently used password.'],
      ] as const) {
        const refused = await problem(await change(viewer.password, weak), 400, 'invalid_parameter')
        expect(refused.errors).toEqual([
          {
            name: 'newPassword',
            in: 'body',
            reason: expect.stringContaining(`the password is too easy to guess: ${reason}`),
          },
        ])
      }
      const same = await problem(
        await change(viewer.password, viewer.username.toUpperCase()),
        400,
        'invalid_parameter',
      )
      expect(same.errors?.[0]?.reason).toMatch(/not be the user name/)
      const wrong = await problem(
        await change('not my password', 'a brand new password'),
        400,
        'invalid_parameter',
      )
      expect(wrong.errors?.[0]?.name).toBe('currentPassword')

      expect((await change(viewer.password, 'a brand new password')).status).toBe(204)
      expect((await client.fetch('/api/v1/tokens')).status).toBe(200)
      expect((await elsewhere.fetch('/api/v1/tokens')).status).toBe(401)
      expect((await login(viewer.username, viewer.password)).status).toBe(401)
      expect((await login(viewer.username, 'a brand new password')).status).toBe(200)
      const { password_changed_at } = await app.server.db
        .knex('users')
        .where({ id: viewer.id })
        .first('password_changed_at')
      expect(password_changed_at).not.toBeNull()
    })

    it('makes a user with a one-time password change it before doing anything else', async () => {
      const created = await adminClient.fetch('/api/v1/users', {
        method: 'POST',
        json: { username: `fresh-${backend}`, displayName: '新用户', role: 'leadership' },
      })
      expect(created.status).toBe(201)
      expect(created.headers.get('location')).toMatch(/^\/api\/v1\/users\/\d+$/)
      const { user, oneTimePassword } = userCreated.parse(await created.json())
      expect(user).toMatchObject({ role: 'leadership', mustChangePassword: true, demo: false, active: true })
      expect(oneTimePassword).toHaveLength(16)
      expect(newPasswordProblem(user.username, oneTimePassword)).toBeUndefined()

      const client = await signIn(app, { username: user.username, password: oneTimePassword })
      const session = sessionResponse.parse(await (await client.fetch('/api/v1/auth/session')).json())
      expect(session.user?.mustChangePassword).toBe(true)
      await problem(await client.fetch('/api/v1/stats/summary'), 403, 'password_change_required')
      await problem(await client.fetch('/api/v1/compounds?limit=1'), 403, 'password_change_required')
      expect(
        (
          await client.fetch('/api/v1/auth/password', {
            method: 'POST',
            json: { currentPassword: oneTimePassword, newPassword: 'my own good password' },
          })
        ).status,
      ).toBe(204)
      expect((await client.fetch('/api/v1/stats/summary')).status).toBe(200)
    })

    it('lets an administrator set a one-time password, which ends the user’s sessions', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, viewer)
      const res = await adminClient.fetch(`/api/v1/users/${viewer.id}/password`, { method: 'POST' })
      expect(res.status).toBe(200)
      const { oneTimePassword } = (await res.json()) as { oneTimePassword: string }
      expect((await client.fetch('/api/v1/tokens')).status).toBe(401)
      expect((await login(viewer.username, viewer.password)).status).toBe(401)
      const again = await signIn(app, { username: viewer.username, password: oneTimePassword })
      await problem(await again.fetch('/api/v1/compounds?limit=1'), 403, 'password_change_required')
      const session = sessionResponse.parse(await (await again.fetch('/api/v1/auth/session')).json())
      expect(session.user?.mustChangePassword).toBe(true)
    })

    it('stores only scrypt hashes', async () => {
      const hashes: string[] = await app.server.db
        .knex('users')
        .whereNotNull('password_hash')
        .pluck('password_hash')
      expect(hashes.length).toBeGreaterThan(0)
      for (const hash of hashes) expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    })
  })

  describe('personal access tokens', () => {
    it('shows the secret once, works as a bearer token without CSRF, and stops working when revoked', async () => {
      const leader = await createUser(app.server.db, { role: 'leadership' })
      const client = await signIn(app, leader)
      const res = await client.fetch('/api/v1/tokens', {
        method: 'POST',
        json: { name: 'QGIS 笔记本', expiresInDays: 30 },
      })
      expect(res.status).toBe(201)
      const created = apiTokenCreated.parse(await res.json())
      expect(created.token).toMatch(/^atl_[\w-]{43}$/)
      expect(created.token.startsWith(created.prefix)).toBe(true)
      expect(new Date(created.expiresAt as string).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000)

      const listed = apiTokenList.parse(await (await client.fetch('/api/v1/tokens')).json())
      expect(listed.tokens.map((t) => t.name)).toEqual(['QGIS 笔记本'])
      expect(JSON.stringify(listed)).not.toContain(created.token)
      const stored = await app.server.db.knex('api_tokens').where({ id: created.id }).first()
      expect(JSON.stringify(stored)).not.toContain(created.token)

      const withToken = await app.get('/api/v1/tokens', { headers: bearer(created.token) })
      expect(withToken.status).toBe(200)
      const session = sessionResponse.parse(
        await (await app.get('/api/v1/auth/session', { headers: bearer(created.token) })).json(),
      )
      expect(session).toMatchObject({ via: 'token', csrfToken: null, user: { username: leader.username } })
      const write = await app.get('/api/v1/tokens', {
        method: 'POST',
        headers: { ...bearer(created.token), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'made by a script' }),
      })
      expect(write.status).toBe(201)

      expect((await client.fetch(`/api/v1/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(204)
      await problem(await app.get('/api/v1/tokens', { headers: bearer(created.token) }), 401, 'invalid_token')
      await problem(
        await client.fetch(`/api/v1/tokens/${created.id}`, { method: 'DELETE' }),
        404,
        'not_found',
      )
    })

    it('refuses expired, unknown and malformed tokens, and those of deactivated users, even on public routes', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const expired = await createBearerToken(app.server.db, viewer.id, {
        expiresAt: new Date(Date.now() - 1000),
      })
      const gone = await createUser(app.server.db, { role: 'viewer', active: false })
      const ofGone = await createBearerToken(app.server.db, gone.id)
      for (const authorization of [
        `Bearer ${expired}`,
        `Bearer ${ofGone}`,
        'Bearer atl_unknown',
        'Bearer',
        'Basic YWRtaW46YWRtaW4=',
        `Bearer ${expired} extra`,
      ]) {
        const res = await app.get('/api/v1/compounds?limit=1', { headers: { authorization } })
        expect(res.status, authorization).toBe(401)
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      }
    })

    it('does not let one user revoke another user’s token', async () => {
      const owner = await createUser(app.server.db, { role: 'viewer' })
      const token = await createBearerToken(app.server.db, owner.id)
      const id = (await app.server.db.knex('api_tokens').where({ user_id: owner.id }).first('id')).id
      await problem(await adminClient.fetch(`/api/v1/tokens/${id}`, { method: 'DELETE' }), 404, 'not_found')
      expect((await app.get('/api/v1/tokens', { headers: bearer(token) })).status).toBe(200)
    })
  })

  describe('user administration', () => {
    it('changes role and streets with If-Match, at once for the user, and refuses stale or missing versions', async () => {
      const user = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, user)
      expect((await client.fetch('/api/v1/audit')).status).toBe(403)

      const read = await adminClient.fetch(`/api/v1/users/${user.id}`)
      const etag = read.headers.get('etag') as string
      expect(etag).toBe('"1"')
      const patch = (body: unknown, headers: Record<string, string>) =>
        adminClient.fetch(`/api/v1/users/${user.id}`, { method: 'PATCH', json: body, headers })

      await problem(await patch({ role: 'design_institute' }, {}), 428, 'precondition_required')
      const unknownStreet = await problem(
        await patch({ streets: ['510104999'] }, { 'if-match': etag }),
        400,
        'invalid_parameter',
      )
      expect(unknownStreet.errors?.[0]).toMatchObject({
        name: 'streets',
        reason: expect.stringMatching(/510104999/),
      })
      const changed = await patch({ role: 'design_institute', streets: ['510104030'] }, { 'if-match': etag })
      expect(changed.status).toBe(200)
      expect(changed.headers.get('etag')).toBe('"2"')
      expect(userRecord.parse(await changed.json())).toMatchObject({
        role: 'design_institute',
        streets: [{ code: '510104030', name: '沙河街道' }],
        version: 2,
      })
      // The user's next request already has the new role: a design institute reads only its street.
      const session = sessionResponse.parse(await (await client.fetch('/api/v1/auth/session')).json())
      expect(session.user?.role).toBe('design_institute')
      expect((await client.fetch('/api/v1/stats/summary')).status).toBe(403)

      const stale = await patch({ displayName: '旧版本' }, { 'if-match': etag })
      expect(stale.status).toBe(412)
      const body = await stale.json()
      expect(body).toMatchObject({
        code: 'version_conflict',
        currentVersion: 2,
        current: { role: 'design_institute' },
      })
      await problem(await patch({ displayName: 'x' }, { 'if-match': 'yesterday' }), 400, 'invalid_parameter')
      await problem(await patch({}, { 'if-match': '"2"' }), 400, 'invalid_parameter')
    })

    it('deactivating a user ends their sessions and tokens', async () => {
      const user = await createUser(app.server.db, { role: 'planner' })
      const client = await signIn(app, user)
      const token = await createBearerToken(app.server.db, user.id)
      expect((await app.get('/api/v1/tokens', { headers: bearer(token) })).status).toBe(200)
      const res = await adminClient.fetch(`/api/v1/users/${user.id}`, {
        method: 'PATCH',
        json: { active: false },
        headers: { 'if-match': '"1"' },
      })
      expect(res.status).toBe(200)
      expect((await client.fetch('/api/v1/tokens')).status).toBe(401)
      expect((await app.get('/api/v1/tokens', { headers: bearer(token) })).status).toBe(401)
      expect((await login(user.username, user.password)).status).toBe(401)
    })

    it('keeps at least one active administrator', async () => {
      const db = app.server.db
      const admins: { id: number; version: number }[] = await db
        .knex('users')
        .where({ role_code: 'admin', active: true })
        .select('id', 'version')
      for (const other of admins.filter((a) => a.id !== admin.id)) {
        await db.knex('users').where({ id: other.id }).update({ active: false })
      }
      const me = await db.knex('users').where({ id: admin.id }).first('version')
      const res = await adminClient.fetch(`/api/v1/users/${admin.id}`, {
        method: 'PATCH',
        json: { role: 'viewer' },
        headers: { 'if-match': `"${me.version}"` },
      })
      await problem(res, 409, 'conflict')
      for (const other of admins.filter((a) => a.id !== admin.id)) {
        await db.knex('users').where({ id: other.id }).update({ active: true })
      }
    })

    it('refuses a taken user name with 409 and a malformed one with 400', async () => {
      const taken = await problem(
        await adminClient.fetch('/api/v1/users', {
          method: 'POST',
          json: { username: admin.username, role: 'viewer' },
        }),
        409,
        'conflict',
      )
      expect(taken.detail).toContain(admin.username)
      const bad = await problem(
        await adminClient.fetch('/api/v1/users', {
          method: 'POST',
          json: { username: 'Robert"); DROP', role: 'viewer' },
        }),
        400,
        'invalid_parameter',
      )
      expect(bad.errors?.[0]?.name).toBe('username')
    })

    it('lists users by role without their password hashes', async () => {
      const res = await adminClient.fetch('/api/v1/users?role=admin&limit=5')
      expect(res.status).toBe(200)
      const text = await res.text()
      expect(text).not.toMatch(/scrypt|password_hash|passwordHash/)
      const page = JSON.parse(text)
      expect(page.users.every((u: { role: string }) => u.role === 'admin')).toBe(true)
      expect(page.users.some((u: { username: string }) => u.username === admin.username)).toBe(true)
    })
  })

  describe('audit log', () => {
    it('records account changes with who and when, and filters by entity and user', async () => {
      const viewer = await createUser(app.server.db, { role: 'viewer' })
      const client = await signIn(app, viewer)
      const token = apiTokenCreated.parse(
        await (await client.fetch('/api/v1/tokens', { method: 'POST', json: { name: 'audited' } })).json(),
      )
      await client.fetch(`/api/v1/tokens/${token.id}`, { method: 'DELETE' })
      const page = auditPage.parse(
        await (await adminClient.fetch(`/api/v1/audit?entityType=api_token&entityId=${token.id}`)).json(),
      )
      expect(page.entries.map((e) => e.action)).toEqual(['delete', 'create'])
      expect(page.entries[0]?.user).toMatchObject({ id: viewer.id, username: viewer.username })
      expect(page.entries[1]?.after).toMatchObject({ name: 'audited', prefix: token.prefix })
      const byUser = auditPage.parse(
        await (await adminClient.fetch(`/api/v1/audit?userId=${viewer.id}`)).json(),
      )
      expect(byUser.total).toBe(2)
      const all = await (await adminClient.fetch('/api/v1/audit?limit=2000')).text()
      expect(all).not.toMatch(/scrypt\$|atl_[\w-]{43}/)
      await problem(await adminClient.fetch('/api/v1/audit?entityType=users;drop'), 400, 'invalid_parameter')
    })
  })

  describe('sign-in rate limits', () => {
    it('answers 429 with Retry-After after 5 failed sign-ins for a user name from one IP', async () => {
      const quiet = pino({ level: 'silent' }) as unknown as ReturnType<typeof createLogger>
      const limited = createApp({ db: app.server.db, logger: quiet, version: 'test' })
      const server = limited.listen(0, '127.0.0.1')
      await new Promise((resolve) => server.once('listening', resolve))
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const attempt = (username: string, password: string) =>
        fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        })
      try {
        const viewer = await createUser(app.server.db, { role: 'viewer' })
        // Successful sign-ins do not count.
        for (let i = 0; i < 6; i++) expect((await attempt(viewer.username, viewer.password)).status).toBe(200)
        for (let i = 0; i < 5; i++)
          expect((await attempt(viewer.username, 'wrong password')).status).toBe(401)
        const refused = await attempt(viewer.username, 'wrong password')
        await problem(refused, 429, 'too_many_requests')
        const retryAfter = Number(refused.headers.get('retry-after'))
        expect(retryAfter).toBeGreaterThan(0)
        expect(retryAfter).toBeLessThanOrEqual(15 * 60)
        // Refused even with the right password now, so guessing cannot go on.
        expect((await attempt(viewer.username, viewer.password)).status).toBe(429)
        // Other user names from the same IP are limited only by the per-IP count.
        const other = await createUser(app.server.db, { role: 'viewer' })
        expect((await attempt(other.username, other.password)).status).toBe(200)
        let status = 401
        let n = 0
        while (status === 401 && n < 60) {
          status = (await attempt(`guess-${n}`, 'wrong password')).status
          n += 1
        }
        expect(status).toBe(429)
        expect(n).toBeLessThanOrEqual(50)
      } finally {
        server.close()
      }
    })
  })

  describe('first start', () => {
    it(
      backend === 'embedded'
        ? 'makes one demo account per role with a printed password, once'
        : 'makes no account on a server until one is created',
      async () => {
        if (backend === 'server') {
          const fresh = await startTestApp('server', { loadDemo: true })
          try {
            expect(fresh.server.demoAccounts).toEqual([])
            expect(await fresh.server.db.knex('users').count('* as n').first()).toEqual({ n: 0 })
            // main.ts then prints how to make the first administrator.
            expect(fresh.server.hasUsers).toBe(false)
            expect(fresh.server.publicRead).toBe(true) // set on by the test helper
          } finally {
            await fresh.close()
          }
          return
        }
        const demo = await startTestApp('embedded')
        try {
          const accounts = demo.server.demoAccounts
          expect(accounts.map((a) => [a.username, a.role])).toEqual([
            ['demo-admin', 'admin'],
            ['demo-planner', 'planner'],
            ['demo-leadership', 'leadership'],
            ['demo-design', 'design_institute'],
            ['demo-viewer', 'viewer'],
          ])
          expect(accounts.find((a) => a.role === 'planner')?.streets).toEqual(['510104030', '510104022'])
          expect(accounts.find((a) => a.role === 'design_institute')?.streets).toEqual(['510104030'])
          expect(new Set(accounts.map((a) => a.password)).size).toBe(5)
          for (const account of accounts)
            expect(newPasswordProblem(account.username, account.password)).toBeUndefined()
          for (const account of accounts) {
            const client = await signIn(demo, account)
            const session = sessionResponse.parse(await (await client.fetch('/api/v1/auth/session')).json())
            expect(session.user).toMatchObject({ role: account.role, demo: true, mustChangePassword: false })
          }
          expect(await ensureFirstAccounts(demo.server.db.knex, { demo: true })).toEqual([])
          // The demo password is printed, never logged.
          const logged = JSON.stringify(demo.logs)
          for (const account of accounts) expect(logged).not.toContain(account.password)
        } finally {
          await demo.close()
        }
      },
    )

    it('makes the administrator named in the environment when there is no user, and refuses a weak password', async () => {
      const test = await createTestDatabase(backend)
      try {
        const { prepareDatabase } = await import('@renewal-atlas/db')
        await prepareDatabase(test.db, { loadDemo: false })
        await expect(
          ensureFirstAccounts(test.db.knex, { demo: false, admin: { username: 'ops', password: 'short' } }),
        ).rejects.toThrow(/at least 10/)
        await expect(
          ensureFirstAccounts(test.db.knex, {
            demo: false,
            admin: { username: 'ops', password: 'aaaaaaaaaa' },
          }),
        ).rejects.toThrow(
          /^ATLAS_ADMIN_PASSWORD is not acceptable: the password is too easy to guess: Repeated characters/,
        )
        expect(await test.db.knex('users').count('* as n').first()).toEqual({ n: 0 })
        await ensureFirstAccounts(test.db.knex, {
          demo: false,
          admin: { username: 'ops', password: 'a long admin password' },
        })
        const row = await test.db.knex('users').where({ username: 'ops' }).first()
        expect(row).toMatchObject({ role_code: 'admin', demo: false, active: true })
        expect(await verifyPassword('a long admin password', row.password_hash)).toBe(true)
        await ensureFirstAccounts(test.db.knex, {
          demo: false,
          admin: { username: 'ops2', password: 'another long password' },
        })
        expect(await test.db.knex('users').count('* as n').first()).toEqual({ n: 1 })
      } finally {
        await test.dispose()
      }
    })
  })

  describe('npm run atlas', () => {
    // The commands run in this process (each opens the database as the command does); one runs as a process too.
    it('creates, lists and sets passwords of users, with exit codes 0, 1 and 2', async () => {
      const test = backend === 'server' ? await createTestDatabase('server') : undefined
      const dataRoot = backend === 'embedded' ? mkdtempSync(path.join(tmpdir(), 'atlas-cli-')) : undefined
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' }
      delete env.DATABASE_URL
      if (test) env.DATABASE_URL = test.url
      else {
        env.RENEWAL_DATA_DIR = dataRoot
        // The folder starts as the run's empty cluster (PostGIS only): the commands migrate it, as on a first use.
        const seeded = await openDatabase({
          dataDir: path.join(dataRoot as string, 'pglite'),
          loadDataDir: embeddedTemplate('bare'),
        })
        await seeded.close()
      }
      const atlas = (args: string[], input?: string) => atlasInProcess(args, env, input)
      try {
        const created = await atlas(['user:create', '--username', 'chief', '--role', 'admin'])
        expect(created.code, created.stderr).toBe(0)
        const printed = /password: (\S+)/.exec(created.stdout)?.[1] as string
        expect(printed).toHaveLength(16)
        expect((await atlas(['user:create', '--username', 'chief', '--role', 'viewer'])).code).toBe(1)
        expect((await atlas(['user:create', '--username', 'x1', '--role', 'boss'])).code).toBe(2)
        expect((await atlas(['user:create', '--role', 'admin'])).code).toBe(2)
        expect((await atlas(['user:frobnicate'])).code).toBe(2)
        expect((await atlas(['user:create', '--username', 'x2', '--role', 'viewer', '--bogus'])).code).toBe(2)
        const weak = await atlas(
          ['user:create', '--username', 'x3', '--role', 'viewer', '--password-stdin'],
          'short\n',
        )
        expect(weak.code).toBe(1)
        expect(weak.stderr).toMatch(/at least 10/)
        const guessable = await atlas(
          ['user:create', '--username', 'x4', '--role', 'viewer', '--password-stdin'],
          'password123\n',
        )
        expect(guessable.code).toBe(1)
        expect(guessable.stderr).toMatch(/too easy to guess: This is a commonly used password/)
        expect(newPasswordProblem('chief', printed)).toBeUndefined()
        const piped = await atlas(
          ['user:create', '--username', 'reader', '--role', 'viewer', '--password-stdin'],
          'reader password 1\n',
        )
        expect(piped.code, piped.stderr).toBe(0)
        expect(piped.stdout).not.toMatch(/password:/)
        const reset = await atlas(
          ['user:set-password', '--username', 'chief', '--password-stdin'],
          'chief password 2\n',
        )
        expect(reset.code, reset.stderr).toBe(0)
        const listed = await atlas(['user:list'])
        expect(listed.code).toBe(0)
        expect(listed.stdout).toMatch(/chief\s+admin/)
        expect(listed.stdout).toMatch(/reader\s+viewer/)
        // The script itself: a child process exits with the command's code, and (on the server, where opening is
        // cheap) reads the database from the same environment.
        expect((await atlasProcess(['user:frobnicate'], env)).code).toBe(2)
        if (backend === 'server') {
          const child = await atlasProcess(['user:list'], env)
          expect(child.code, child.stderr).toBe(0)
          expect(child.stdout).toBe(listed.stdout)
        }

        const db = test?.db ?? (await openDatabase({ dataDir: path.join(dataRoot as string, 'pglite') }))
        try {
          const hash = async (username: string) =>
            (await db.knex('users').where({ username }).first('password_hash')).password_hash as string
          expect(await verifyPassword('chief password 2', await hash('chief'))).toBe(true)
          expect(await verifyPassword(printed, await hash('chief'))).toBe(false)
          expect(await verifyPassword('reader password 1', await hash('reader'))).toBe(true)
        } finally {
          if (!test) await db.close()
        }
      } finally {
        await test?.dispose()
        if (dataRoot) rmSync(dataRoot, { recursive: true, force: true })
      }
    })
  })
})
