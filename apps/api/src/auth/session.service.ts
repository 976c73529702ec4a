// Signing in and out, and turning a session cookie or a bearer token into the principal of a request.
import { LRUCache } from 'lru-cache'
import type { AccountRepository } from '../accounts/account.repository.ts'
import type { TokenRepository } from '../accounts/token.repository.ts'
import type { DataChanges } from '../changes/data-changed.ts'
import { UnauthorizedError } from '../http/errors.ts'
import { verifyPassword } from './password.ts'
import type { Principal } from './principal.ts'
import { API_TOKEN_PREFIX, randomSecret, sha256 } from './secret.ts'
import type { SessionRepository } from './session.repository.ts'

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000
/** last_seen_at and last_used_at are written at most this often, not on every tile request. */
const TOUCH_EVERY_MS = 60 * 1000
/**
 * A looked-up principal is reused this long, so a map's hundreds of tile requests cost one session query.
 * Changes made through this process (sign-out; role, password and tokens through the data-changed signal) drop the
 * entries at once.
 */
const CACHE_TTL_MS = 5 * 1000

export interface SessionTimeouts {
  idleMs: number
  absoluteMs: number
}

export interface NewSession {
  /** The cookie value: shown to the browser only, stored as its SHA-256. */
  cookie: string
  principal: Extract<Principal, { kind: 'session' }>
  expiresAt: Date
}

export class SessionService {
  private readonly cache = new LRUCache<string, Principal>({ max: 5000, ttl: CACHE_TTL_MS })

  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: TokenRepository,
    changes: DataChanges,
    private readonly timeouts: SessionTimeouts = { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS },
  ) {
    // A user whose role, streets, password, sessions or tokens changed is looked up afresh on the next request.
    changes.listen((changed) => {
      for (const { topic, ids } of changed)
        if (topic === 'users') for (const id of ids ?? []) this.forgetUser(id)
    })
  }

  /** Checks the password (in the same time whether the user exists or not) and opens a session. */
  async login(username: string, password: string, userAgent: string | undefined): Promise<NewSession> {
    const row = await this.accounts.forLogin(username)
    const matches = await verifyPassword(password, row?.active ? row.passwordHash : null)
    const user = matches && row ? await this.accounts.principal(row.id) : undefined
    if (!user) throw new UnauthorizedError('The user name or the password is wrong', 'invalid_credentials')
    const cookie = randomSecret()
    const sessionId = sha256(cookie)
    const csrfToken = randomSecret()
    const expiresAt = new Date(Date.now() + this.timeouts.absoluteMs)
    await this.sessions.deleteStale(this.idleSince())
    await this.sessions.create({
      id: sessionId,
      userId: user.id,
      csrfToken,
      expiresAt,
      userAgent: userAgent ?? null,
    })
    return { cookie, expiresAt, principal: { kind: 'session', user, sessionId, csrfToken } }
  }

  async logout(sessionId: string): Promise<void> {
    this.cache.delete(`s:${sessionId}`)
    await this.sessions.delete(sessionId)
  }

  /** The principal of a session cookie, or undefined when it is unknown, expired or its user deactivated. */
  async fromCookie(cookie: string): Promise<Principal | undefined> {
    const sessionId = sha256(cookie)
    const key = `s:${sessionId}`
    const cached = this.cache.get(key)
    if (cached) return cached
    const session = await this.sessions.live(sessionId, this.idleSince())
    if (!session) return undefined
    const user = await this.accounts.principal(session.userId)
    if (!user) return undefined
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(sessionId)
    const principal: Principal = { kind: 'session', user, sessionId, csrfToken: session.csrfToken }
    this.cache.set(key, principal)
    return principal
  }

  /** The principal of a personal access token, or undefined when it is unknown, revoked or expired. */
  async fromToken(token: string): Promise<Principal | undefined> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return undefined
    const hash = sha256(token)
    const key = `t:${hash}`
    const cached = this.cache.get(key)
    if (cached) return cached
    const row = await this.tokens.live(hash)
    if (!row) return undefined
    const user = await this.accounts.principal(row.userId)
    if (!user) return undefined
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS)
      await this.tokens.touch(row.id)
    const principal: Principal = { kind: 'token', user, tokenId: row.id }
    this.cache.set(key, principal)
    return principal
  }

  /** Drops cached principals of a user whose role, streets, password or tokens changed. */
  private forgetUser(userId: number): void {
    for (const [key, principal] of this.cache.entries()) {
      if (principal.kind !== 'anonymous' && principal.user.id === userId) this.cache.delete(key)
    }
  }

  private idleSince(): Date {
    return new Date(Date.now() - this.timeouts.idleMs)
  }
}
