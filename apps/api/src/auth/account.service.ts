// Accounts: the session a caller sees, own password and tokens, and the administration of users. Every change
// to a user or token is written with its audit row in one transaction.
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
import {
  ConflictError,
  type FieldError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../errors.ts'
import { AuditRepository } from '../repositories/audit.repository.ts'
import type { AccountRepository, UserChange } from './account.repository.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { generateAcceptablePassword, newPasswordProblem } from './password-policy.ts'
import type { Principal, SignedIn } from './principal.ts'
import { newApiToken, sha256 } from './secret.ts'
import type { SessionService } from './session.service.ts'
import type { TokenRepository } from './token.repository.ts'

/** What an audit row may show of a user: never the password hash. */
const auditView = (user: UserRecord) => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  streets: user.streets.map((s) => s.code),
  active: user.active,
  mustChangePassword: user.mustChangePassword,
})

export class AccountService {
  constructor(
    private readonly knex: Knex,
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenRepository,
    private readonly sessions: SessionService,
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
    await this.knex.transaction(async (trx) => {
      await this.accounts.setPassword(user.id, hash, false, trx)
      await new AuditRepository(trx).record({
        userId: user.id,
        action: 'update',
        entityType: 'user',
        entityId: user.id,
        before: null,
        after: { passwordChanged: true },
      })
    })
    await this.sessions.endSessions(user.id, principal.kind === 'session' ? principal.sessionId : undefined)
  }

  listTokens(principal: SignedIn): Promise<ApiToken[]> {
    return this.tokens.listForUser(principal.user.id)
  }

  async createToken(principal: SignedIn, request: TokenCreateRequest): Promise<ApiTokenCreated> {
    const token = newApiToken()
    const expiresAt = request.expiresInDays ? new Date(Date.now() + request.expiresInDays * 86_400_000) : null
    const created = await this.knex.transaction(async (trx) => {
      const row = await this.tokens.create(
        {
          userId: principal.user.id,
          name: request.name,
          prefix: token.slice(0, 10),
          hash: sha256(token),
          expiresAt,
        },
        trx,
      )
      await new AuditRepository(trx).record({
        userId: principal.user.id,
        action: 'create',
        entityType: 'api_token',
        entityId: row.id,
        before: null,
        after: { name: row.name, prefix: row.prefix, expiresAt: row.expiresAt },
      })
      return row
    })
    return { ...created, token }
  }

  async revokeToken(principal: SignedIn, id: number): Promise<void> {
    const revoked = await this.knex.transaction(async (trx) => {
      const row = await this.tokens.revoke(principal.user.id, id, trx)
      if (row) {
        await new AuditRepository(trx).record({
          userId: principal.user.id,
          action: 'delete',
          entityType: 'api_token',
          entityId: id,
          before: { name: row.name, prefix: row.prefix },
          after: null,
        })
      }
      return row
    })
    if (!revoked) throw new NotFoundError(`You have no token with id ${id}`)
    this.sessions.forgetUser(principal.user.id)
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
    const streetIds = await this.streetIds(request.streets ?? [])
    const oneTimePassword = generateAcceptablePassword(request.username)
    const passwordHash = await hashPassword(oneTimePassword)
    const user = await this.knex
      .transaction(async (trx) => {
        if (await this.accounts.usernameTaken(request.username, trx)) {
          throw new ConflictError(`The user name ${request.username} is taken`)
        }
        const id = await this.accounts.create(
          {
            username: request.username,
            displayName: request.displayName ?? null,
            role: request.role,
            streetIds,
            passwordHash,
            mustChangePassword: true,
          },
          trx,
        )
        const record = (await this.accounts.record(id, trx)) as UserRecord
        await new AuditRepository(trx).record({
          userId: actor.user.id,
          action: 'create',
          entityType: 'user',
          entityId: id,
          before: null,
          after: auditView(record),
        })
        return record
      })
      .catch(uniqueViolationAsConflict(request.username))
    return { user, oneTimePassword }
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
    const updated = await this.knex.transaction(async (trx) => {
      const before = await this.accounts.record(id, trx)
      if (!before) throw new NotFoundError(`No user has id ${id}`)
      if (before.version !== version) throw new VersionConflictError(before.version, before)
      const losesAdmin =
        before.role === 'admin' &&
        before.active &&
        (change.active === false || (change.role && change.role !== 'admin'))
      if (losesAdmin) {
        // Serialise administrator changes so that two of them cannot each remove "another" last admin.
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['renewal-atlas:admins'])
        const admins = await trx('users')
          .where({ role_code: 'admin', active: true })
          .whereNot('id', id)
          .count<{ n: number }[]>('* as n')
        if (Number(admins[0]?.n ?? 0) === 0) {
          throw new ConflictError(
            'This is the last active administrator; make another user an administrator first',
          )
        }
      }
      if (!(await this.accounts.update(id, version, change, trx))) {
        const current = (await this.accounts.record(id, trx)) as UserRecord
        throw new VersionConflictError(current.version, current)
      }
      const after = (await this.accounts.record(id, trx)) as UserRecord
      await new AuditRepository(trx).record({
        userId: actor.user.id,
        action: 'update',
        entityType: 'user',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      })
      return after
    })
    if (!updated.active) await this.sessions.endSessions(id)
    else this.sessions.forgetUser(id)
    return updated
  }

  /** Gives the user a new one-time password and ends the user's sessions. */
  async resetPassword(actor: SignedIn, id: number): Promise<string> {
    const target = await this.user(id)
    const oneTimePassword = generateAcceptablePassword(target.username)
    const hash = await hashPassword(oneTimePassword)
    await this.knex.transaction(async (trx) => {
      await this.accounts.setPassword(id, hash, true, trx)
      await new AuditRepository(trx).record({
        userId: actor.user.id,
        action: 'update',
        entityType: 'user',
        entityId: id,
        before: { mustChangePassword: target.mustChangePassword },
        after: { mustChangePassword: true, passwordReset: true },
      })
    })
    await this.sessions.endSessions(id)
    return oneTimePassword
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
    if ((error as { code?: string }).code === '23505')
      throw new ConflictError(`The user name ${username} is taken`)
    throw error
  }
}
