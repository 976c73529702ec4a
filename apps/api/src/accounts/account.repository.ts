// Reads and writes users and the streets they work in; password hashes leave this file only for the sign-in
// check.
import { type Role, role as roleEnum, type UserListQuery, type UserRecord } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import type { PrincipalUser } from '../auth/principal.ts'

export interface LoginRow {
  id: number
  passwordHash: string | null
  active: boolean
}

export interface NewUser {
  username: string
  displayName: string | null
  role: Role
  streetIds: number[]
  passwordHash: string | null
  demo?: boolean
  mustChangePassword?: boolean
}

export interface UserChange {
  displayName?: string | null | undefined
  role?: Role | undefined
  streetIds?: number[] | undefined
  active?: boolean | undefined
}

interface UserRow {
  id: number
  username: string
  displayName: string | null
  role: Role
  active: boolean
  demo: boolean
  mustChangePassword: boolean
  version: number
  createdAt: Date | string
  updatedAt: Date | string
  passwordChangedAt: Date | string | null
}

const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name as displayName',
  'u.role_code as role',
  'u.active',
  'u.demo',
  'u.must_change_password as mustChangePassword',
  'u.version',
  'u.created_at as createdAt',
  'u.updated_at as updatedAt',
  'u.password_changed_at as passwordChangedAt',
]

export function isoTime(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  return (value instanceof Date ? value : new Date(value)).toISOString()
}

export class AccountRepository {
  constructor(private readonly knex: Knex) {}

  async count(): Promise<number> {
    const row = await this.knex('users').count<{ n: number }[]>('* as n').first()
    return Number(row?.n ?? 0)
  }

  async forLogin(username: string): Promise<LoginRow | undefined> {
    return this.knex('users').where({ username }).first('id', 'password_hash as passwordHash', 'active')
  }

  async idOf(username: string): Promise<number | undefined> {
    const row = await this.knex('users').where({ username }).first('id')
    return row ? Number(row.id) : undefined
  }

  async passwordHash(userId: number): Promise<string | null> {
    const row = await this.knex('users').where({ id: userId }).first('password_hash as passwordHash')
    return row?.passwordHash ?? null
  }

  /** The signed-in view of an active user, or undefined when the user is gone or deactivated. */
  async principal(userId: number, db: Knex = this.knex): Promise<PrincipalUser | undefined> {
    const row = await db('users as u')
      .where({ 'u.id': userId, 'u.active': true })
      .first<UserRow>(USER_COLUMNS)
    if (!row) return undefined
    const streets = await db('user_streets')
      .where({ user_id: userId })
      .orderBy('street_id')
      .pluck('street_id')
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      streetIds: streets.map(Number),
      mustChangePassword: row.mustChangePassword,
      demo: row.demo,
    }
  }

  async list(query: UserListQuery & { limit: number; offset: number }) {
    const base = this.knex('users as u')
    if (query.role) base.where('u.role_code', query.role)
    if (query.active !== undefined) base.where('u.active', query.active)
    const [count, rows] = await Promise.all([
      base.clone().count<{ n: number }[]>('* as n'),
      base
        .clone()
        .select<UserRow[]>(USER_COLUMNS)
        .orderBy('u.username')
        .limit(query.limit)
        .offset(query.offset),
    ])
    return { total: Number(count[0]?.n ?? 0), users: await this.records(rows) }
  }

  async record(id: number, db: Knex = this.knex): Promise<UserRecord | undefined> {
    const row = await db('users as u').where('u.id', id).first<UserRow | undefined>(USER_COLUMNS)
    if (!row) return undefined
    const [record] = await this.records([row], db)
    return record
  }

  /** Lock the user's row for the rest of the transaction; its version, or undefined when there is no such user. */
  async lock(id: number): Promise<{ version: number } | undefined> {
    return this.knex('users').where({ id }).forUpdate().first('version')
  }

  /**
   * Active administrators other than this user, counted under a lock that serialises administrator changes, so that
   * two of them cannot each remove "another" last administrator.
   */
  async otherActiveAdmins(id: number): Promise<number> {
    await this.knex.raw('select pg_advisory_xact_lock(hashtext(?))', ['renewal-atlas:admins'])
    const [row] = await this.knex('users')
      .where({ role_code: 'admin', active: true })
      .whereNot('id', id)
      .count<{ n: number }[]>('* as n')
    return Number(row?.n ?? 0)
  }

  async usernameTaken(username: string, db: Knex = this.knex): Promise<boolean> {
    return (await db('users').where({ username }).first('id')) !== undefined
  }

  /** Street ids by code; codes that name no street are returned as `unknown`. */
  async streetIds(codes: string[]): Promise<{ ids: number[]; unknown: string[] }> {
    if (!codes.length) return { ids: [], unknown: [] }
    const rows: { id: number; code: string }[] = await this.knex('streets')
      .whereIn('code', codes)
      .select('id', 'code')
    const byCode = new Map(rows.map((r) => [r.code, r.id]))
    return {
      ids: codes.flatMap((code) => (byCode.has(code) ? [byCode.get(code) as number] : [])),
      unknown: codes.filter((code) => !byCode.has(code)),
    }
  }

  async create(user: NewUser, db: Knex = this.knex): Promise<number> {
    const [row] = await db('users')
      .insert({
        username: user.username,
        display_name: user.displayName,
        role_code: user.role,
        password_hash: user.passwordHash,
        password_changed_at: user.passwordHash ? db.fn.now() : null,
        demo: user.demo ?? false,
        must_change_password: user.mustChangePassword ?? false,
      })
      .returning('id')
    const id = Number(row.id)
    await this.replaceStreets(id, user.streetIds, db)
    return id
  }

  /** Applies the change only when the user is still at `version`; false when someone changed it first. */
  async update(id: number, version: number, change: UserChange, db: Knex = this.knex): Promise<boolean> {
    const columns: Record<string, unknown> = {}
    if (change.displayName !== undefined) columns.display_name = change.displayName
    if (change.role !== undefined) columns.role_code = change.role
    if (change.active !== undefined) columns.active = change.active
    const updated = await db('users')
      .where({ id, version })
      .update({ ...columns, version: db.raw('version + 1'), updated_at: db.fn.now() })
    if (updated !== 1) return false
    if (change.streetIds) await this.replaceStreets(id, change.streetIds, db)
    return true
  }

  async setPassword(
    id: number,
    passwordHash: string,
    mustChange: boolean,
    db: Knex = this.knex,
  ): Promise<void> {
    await db('users')
      .where({ id })
      .update({
        password_hash: passwordHash,
        must_change_password: mustChange,
        password_changed_at: db.fn.now(),
        version: db.raw('version + 1'),
        updated_at: db.fn.now(),
      })
  }

  private async replaceStreets(userId: number, streetIds: number[], db: Knex): Promise<void> {
    await db('user_streets').where({ user_id: userId }).delete()
    if (streetIds.length)
      await db('user_streets').insert(streetIds.map((streetId) => ({ user_id: userId, street_id: streetId })))
  }

  private async records(rows: UserRow[], db: Knex = this.knex): Promise<UserRecord[]> {
    const ids = rows.map((r) => r.id)
    const streets: { userId: number; code: string; name: string }[] = ids.length
      ? await db('user_streets as us')
          .join('streets as s', 's.id', 'us.street_id')
          .whereIn('us.user_id', ids)
          .orderBy('s.code')
          .select('us.user_id as userId', 's.code', 's.name')
      : []
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      roleLabel: roleEnum.labels[row.role],
      streets: streets.filter((s) => s.userId === row.id).map(({ code, name }) => ({ code, name })),
      mustChangePassword: row.mustChangePassword,
      demo: row.demo,
      active: row.active,
      version: row.version,
      createdAt: isoTime(row.createdAt) as string,
      updatedAt: isoTime(row.updatedAt) as string,
      passwordChangedAt: isoTime(row.passwordChangedAt),
    }))
  }

  /** Whether any active demo account exists (made on the first embedded start). */
  async hasActiveDemoAccounts(): Promise<boolean> {
    const row = await this.knex('users')
      .where({ demo: true, active: true })
      .first(this.knex.raw('1 as found'))
    return row !== undefined
  }
}
