// Accounts for tests: make a user straight in the database, sign in over HTTP like the web app (cookie + CSRF
// token), or make a personal access token.
import type { Database } from '@renewal-atlas/db'
import type { Role } from '@renewal-atlas/domain'
import { AccountRepository } from '../../apps/api/src/accounts/account.repository.ts'
import { hashPassword } from '../../apps/api/src/auth/password.ts'
import { generatePassword, newApiToken, sha256 } from '../../apps/api/src/auth/secret.ts'

export interface Credentials {
  id: number
  username: string
  password: string
  role: Role
}

let serial = 0

export interface UserSpec {
  role: Role
  /** Street codes the user works in (planner, design institute). */
  streets?: string[]
  username?: string
  password?: string
  mustChangePassword?: boolean
  active?: boolean
}

/** A user with a known password, made in the database as `npm run atlas -- user:create` would. */
export async function createUser(db: Database, spec: UserSpec): Promise<Credentials> {
  serial += 1
  const username = spec.username ?? `t-${spec.role.replace('_', '-')}-${serial}-${Date.now().toString(36)}`
  const password = spec.password ?? generatePassword()
  const accounts = new AccountRepository(db.knex)
  const { ids, unknown } = await accounts.streetIds(spec.streets ?? [])
  if (unknown.length) throw new Error(`no street has code ${unknown.join(', ')}`)
  const passwordHash = await hashPassword(password)
  const id = await db.knex.transaction((trx) =>
    accounts.create(
      {
        username,
        displayName: `测试 ${username}`,
        role: spec.role,
        streetIds: ids,
        passwordHash,
        mustChangePassword: spec.mustChangePassword ?? false,
      },
      trx,
    ),
  )
  if (spec.active === false) await db.knex('users').where({ id }).update({ active: false })
  return { id, username, password, role: spec.role }
}

/** A signed-in browser: its cookie jar (the session cookie) and the CSRF token it sends with writes. */
export interface SignedInClient {
  cookie: string
  csrfToken: string
  /** fetch with the cookie, and the CSRF token on POST, PATCH, PUT and DELETE (unless headers say otherwise). */
  fetch(path: string, init?: RequestInit & { json?: unknown; csrf?: boolean }): Promise<Response>
}

interface HasUrl {
  url: string
}

/** POST /api/v1/auth/login and keep the cookie, as a browser would. Throws unless the sign-in succeeds. */
export async function signIn(
  app: HasUrl,
  credentials: { username: string; password: string },
): Promise<SignedInClient> {
  const res = await fetch(`${app.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: credentials.username, password: credentials.password }),
  })
  if (res.status !== 200)
    throw new Error(`sign-in of ${credentials.username} failed: ${res.status} ${await res.text()}`)
  const cookie = sessionCookie(res)
  if (!cookie) throw new Error('the sign-in answer set no session cookie')
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, csrfToken, fetch: clientFetch(app, cookie, csrfToken) }
}

function clientFetch(app: HasUrl, cookie: string, csrfToken: string): SignedInClient['fetch'] {
  return (path, { json, csrf, headers, ...init } = {}) => {
    const all = new Headers(headers)
    all.set('cookie', cookie)
    const method = (init.method ?? 'GET').toUpperCase()
    if (csrf !== false && !['GET', 'HEAD'].includes(method) && !all.has('x-csrf-token'))
      all.set('x-csrf-token', csrfToken)
    if (json !== undefined) {
      all.set('content-type', 'application/json')
      return fetch(`${app.url}${path}`, { ...init, headers: all, body: JSON.stringify(json) })
    }
    return fetch(`${app.url}${path}`, { ...init, headers: all })
  }
}

/** `atlas_session=<value>` from a response's Set-Cookie, or undefined. */
export function sessionCookie(res: Response): string | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('atlas_session='))
  const pair = header?.split(';')[0]
  return pair && pair !== 'atlas_session=' ? pair : undefined
}

/** A personal access token of the user, made in the database; `expiresAt` in the past makes an expired one. */
export async function createBearerToken(
  db: Database,
  userId: number,
  options: { name?: string; expiresAt?: Date | null } = {},
): Promise<string> {
  const token = newApiToken()
  await db.knex('api_tokens').insert({
    user_id: userId,
    name: options.name ?? 'test token',
    prefix: token.slice(0, 10),
    token_hash: sha256(token),
    expires_at: options.expiresAt ?? null,
  })
  return token
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
