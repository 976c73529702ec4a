// Accounts: the session a caller sees, own password and tokens, and the administration of users. Every change to a
// user or token goes through the write path (its audit row in the same transaction; a user's sessions ended in it
// too), and announces the user as changed, so that cached sign-ins of the user are dropped.

import { fromPgError, UniqueViolation } from '@renewal-atlas/db'
import {
  ANONYMOUS_PERMISSIONS,
  type ApiToken,
  type ApiTokenCreated,
  AREA_LIMITED,
  pageOf,
  ROLE_PERMISSIONS,
  type SessionResponse,
  type TokenCreateRequest,
  type UserCreateRequest,
  type UserListQuery,
  type UserPatchRequest,
  type UserRecord,
} from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { hashPassword, verifyPassword } from '../auth/password.ts'
import { generateAcceptablePassword, newPasswordProblem } from '../auth/password-policy.ts'
import type { Principal, SignedIn } from '../auth/principal.ts'
import { newApiToken, sha256 } from '../auth/secret.ts'
import { SessionRepository } from '../auth/session.repository.ts'
import type { DataChange } from '../changes/data-changed.ts'
import type { WritePath } from '../changes/write-path.ts'
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../http/errors.ts'
import { AccountRepository, type UserChange } from './account.repository.ts'
import { TokenRepository } from './token.repository.ts'

/** What an audit row may show of a user: never the password hash. */
const auditView = (user: UserRecord) => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  streets: user.streets.map((s) => s.code),
  active: user.active,
  mustChangePassword: user.mustChangePassword,
})

/** The repositories of an account write, on the write path's transaction. */
export interface AccountWork {
  accounts: AccountRepository
  tokens: TokenRepository
  sessions: SessionRepository
}

export const accountWorkOn = (knex: Knex): AccountWork => ({
  accounts: new AccountRepository(knex),
  tokens: new TokenRepository(knex),
  sessions: new SessionRepository(knex),
})

/** A change to a user (role, streets, password, sessions, tokens), for the caches of signed-in users. */
const userChanged = (id: number): DataChange[] => [{ topic: 'users', ids: [id] }]

export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenRepository,
    private readonly writes: WritePath<AccountWork>,
  ) {}

  async session(principal: Principal, publicRead: boolean): Promise<SessionResponse> {
    const demoAccounts = await this.accounts.hasActiveDemoAccounts()
    if (principal.kind === 'anonymous') {
      return {
        authenticated: false,
        via: 'anonymous',
        user: null,
        permissions: publicRead ? [...ANONYMOUS_PERMISSIONS] : [],
        areaLimited: [],
        csrfToken: null,
        publicRead,
        demoAccounts,
      }
    }
    const record = await this.accounts.record(principal.user.id)
    if (!record) throw new NotFoundError('Your account no longer exists')
    const {
      active: _active,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      passwordChangedAt: _p,
      ...user
    } = record
    return {
      authenticated: true,
      via: principal.kind,
      user,
      permissions: [...ROLE_PERMISSIONS[user.role]],
      areaLimited: [...(AREA_LIMITED[user.role] ?? [])],
      csrfToken: principal.kind === 'session' ? principal.csrfToken : null,
      publicRead,
      demoAccounts,
    }
  }

  /** Changes the caller's own password and ends every other session of the user. */
  async changePassword(principal: SignedIn, currentPassword: string, newPassword: string): Promise<void> {
    const { user } = principal
    if (!(await verifyPassword(currentPassword, await this.accounts.passwordHash(user.id)))) {
      throw new ValidationError([
        { name: 'currentPassword', in: 'body', reason: 'the current password is wrong' },
      ])
    }
    const problem = newPasswordProblem(user.username, newPassword)
    if (problem) throw new ValidationError([{ name: 'newPassword', in: 'body', reason: problem }])
    if (newPassword === currentPassword) {
      throw new ValidationError([
        { name: 'newPassword', in: 'body', reason: 'the new password must differ from the current one' },
      ])
    }
    const hash = await hashPassword(newPassword)
    await this.writes.audited({
      userId: user.id,
      entity: 'user',
      action: 'update',
      run: async (work) => {
        await work.accounts.setPassword(user.id, hash, false)
        await work.sessions.deleteForUser(
          user.id,
          principal.kind === 'session' ? principal.sessionId : undefined,
        )
        return {
          result: undefined,
          entry: { entityId: user.id, before: null, after: { passwordChanged: true } },
        }
      },
      changes: () => userChanged(user.id),
    })
  }

  listTokens(principal: SignedIn): Promise<ApiToken[]> {
    return this.tokens.listForUser(principal.user.id)
  }

  async createToken(principal: SignedIn, request: TokenCreateRequest): Promise<ApiTokenCreated> {
    const token = newApiToken()
    const expiresAt = request.expiresInDays ? new Date(Date.now() + request.expiresInDays * 86_400_000) : null
    const created = await this.writes.audited({
      userId: principal.user.id,
      entity: 'api_token',
      action: 'create',
      run: async (work) => {
        const row = await work.tokens.create({
          userId: principal.user.id,
          name: request.name,
          prefix: token.slice(0, 10),
          hash: sha256(token),
          expiresAt,
        })
        const after = { name: row.name, prefix: row.prefix, expiresAt: row.expiresAt }
        return { result: row, entry: { entityId: row.id, before: null, after } }
      },
      changes: () => userChanged(principal.user.id),
    })
    return { ...created, token }
  }

  async revokeToken(principal: SignedIn, id: number): Promise<void> {
    const revoked = await this.writes.audited({
      userId: principal.user.id,
      entity: 'api_token',
      action: 'delete',
      run: async (work) => {
        const row = await work.tokens.revoke(principal.user.id, id)
        const entry = row && { entityId: id, before: { name: row.name, prefix: row.prefix }, after: null }
        return { result: row, entry: entry ?? null }
      },
      changes: () => userChanged(principal.user.id),
    })
    if (!revoked) throw new NotFoundError(`You have no token with id ${id}`)
  }

  async listUsers(query: UserListQuery) {
    const page = pageOf(query)
    return { ...page, ...(await this.accounts.list({ ...query, ...page })) }
  }

  async user(id: number): Promise<UserRecord> {
    const record = await this.accounts.record(id)
    if (!record) throw new NotFoundError(`No user has id ${id}`)
    return record
  }

  /** Creates a user with a one-time password that must be changed at first sign-in. */
  async createUser(
    actor: SignedIn,
    request: UserCreateRequest,
  ): Promise<{ user: UserRecord; oneTimePassword: string }> {
    const oneTimePassword = generateAcceptablePassword(request.username)
    const user = await this.create(actor.user.id, request, oneTimePassword, { mustChangePassword: true })
    return { user, oneTimePassword }
  }

  /**
   * Creates a user with the password an operator chose on the command line (checked like any other), recorded in
   * the audit log as made by the command (`via`).
   */
  createUserWithPassword(request: UserCreateRequest, password: string, via: string): Promise<UserRecord> {
    const problem = newPasswordProblem(request.username, password)
    if (problem) throw new ValidationError([{ name: 'password', in: 'body', reason: problem }])
    return this.create(null, request, password, { mustChangePassword: false, via })
  }

  private async create(
    actorId: number | null,
    request: UserCreateRequest,
    password: string,
    { mustChangePassword, via }: { mustChangePassword: boolean; via?: string },
  ): Promise<UserRecord> {
    const streetIds = await this.streetIds(request.streets ?? [])
    const passwordHash = await hashPassword(password)
    return this.writes
      .audited({
        userId: actorId,
        entity: 'user',
        action: 'create',
        run: async (work) => {
          if (await work.accounts.usernameTaken(request.username)) {
            throw new ConflictError(`The user name ${request.username} is taken`)
          }
          const id = await work.accounts.create({
            username: request.username,
            displayName: request.displayName ?? null,
            role: request.role,
            streetIds,
            passwordHash,
            mustChangePassword,
          })
          const record = (await work.accounts.record(id)) as UserRecord
          const after = { ...auditView(record), ...(via ? { via } : {}) }
          return { result: record, entry: { entityId: id, before: null, after } }
        },
        changes: (record) => userChanged(record.id),
      })
      .catch(uniqueViolationAsConflict(request.username))
  }

  /** Applies an administrator's change if the user is still at `version` (If-Match). */
  async updateUser(
    actor: SignedIn,
    id: number,
    version: number,
    patch: UserPatchRequest,
  ): Promise<UserRecord> {
    const change: UserChange = {
      displayName: patch.displayName,
      role: patch.role,
      active: patch.active,
      streetIds: patch.streets ? await this.streetIds(patch.streets) : undefined,
    }
    return this.writes.versioned<UserRecord>({
      userId: actor.user.id,
      entity: 'user',
      action: 'update',
      id,
      expected: version,
      lock: (work) => work.accounts.lock(id),
      missing: () => new NotFoundError(`No user has id ${id}`),
      read: async (work) => (await work.accounts.record(id)) as UserRecord,
      change: async (work, before) => {
        const losesAdmin =
          before.role === 'admin' &&
          before.active &&
          (change.active === false || (change.role && change.role !== 'admin'))
        if (losesAdmin && (await work.accounts.otherActiveAdmins(id)) === 0) {
          throw new ConflictError(
            'This is the last active administrator; make another user an administrator first',
          )
        }
        if (!(await work.accounts.update(id, version, change))) return false
        // A deactivated user is signed out everywhere at once.
        if (change.active === false) await work.sessions.deleteForUser(id)
        return true
      },
      audited: auditView,
      changes: () => userChanged(id),
    })
  }

  /** Gives the user a new one-time password and ends the user's sessions. */
  async resetPassword(actor: SignedIn, id: number): Promise<string> {
    const target = await this.user(id)
    const oneTimePassword = generateAcceptablePassword(target.username)
    await this.setPassword(actor.user.id, target, oneTimePassword, true, { passwordReset: true })
    return oneTimePassword
  }

  /** Sets the password an operator chose on the command line and ends the user's sessions. */
  async setPasswordByName(username: string, password: string, via: string): Promise<void> {
    const id = await this.accounts.idOf(username)
    if (id === undefined) throw new NotFoundError(`No user is called ${username}`)
    const problem = newPasswordProblem(username, password)
    if (problem) throw new ValidationError([{ name: 'password', in: 'body', reason: problem }])
    await this.setPassword(null, await this.user(id), password, false, { passwordChanged: true, via })
  }

  private async setPassword(
    actorId: number | null,
    target: UserRecord,
    password: string,
    mustChange: boolean,
    recorded: Record<string, unknown>,
  ): Promise<void> {
    const hash = await hashPassword(password)
    await this.writes.audited({
      userId: actorId,
      entity: 'user',
      action: 'update',
      run: async (work) => {
        await work.accounts.setPassword(target.id, hash, mustChange)
        await work.sessions.deleteForUser(target.id)
        const entry = {
          entityId: target.id,
          before: { mustChangePassword: target.mustChangePassword },
          after: { mustChangePassword: mustChange, ...recorded },
        }
        return { result: undefined, entry }
      },
      changes: () => userChanged(target.id),
    })
  }

  private async streetIds(codes: string[]): Promise<number[]> {
    const { ids, unknown } = await this.accounts.streetIds(codes)
    if (unknown.length) {
      const errors: FieldError[] = unknown.map((code) => ({
        name: 'streets',
        in: 'body',
        reason: `no street has code ${code}`,
      }))
      throw new ValidationError(errors)
    }
    return ids
  }
}

/** Two administrators creating the same user name at once: the loser gets 409, not 500. */
function uniqueViolationAsConflict(username: string) {
  return (error: unknown): never => {
    if (fromPgError(error) instanceof UniqueViolation)
      throw new ConflictError(`The user name ${username} is taken`)
    throw error
  }
}
