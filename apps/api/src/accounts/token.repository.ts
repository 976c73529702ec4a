// Personal access tokens: stored as the SHA-256 of the secret with a short prefix to tell them apart.
import type { ApiToken } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { isoTime } from './account.repository.ts'

interface TokenRow {
  id: number
  name: string
  prefix: string
  createdAt: Date | string
  lastUsedAt: Date | string | null
  expiresAt: Date | string | null
}

const COLUMNS = [
  'id',
  'name',
  'prefix',
  'created_at as createdAt',
  'last_used_at as lastUsedAt',
  'expires_at as expiresAt',
]

const toToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: isoTime(row.createdAt) as string,
  lastUsedAt: isoTime(row.lastUsedAt),
  expiresAt: isoTime(row.expiresAt),
})

export class TokenRepository {
  constructor(private readonly knex: Knex) {}

  async create(
    token: { userId: number; name: string; prefix: string; hash: string; expiresAt: Date | null },
    db: Knex = this.knex,
  ): Promise<ApiToken> {
    const [row] = await db('api_tokens')
      .insert({
        user_id: token.userId,
        name: token.name,
        prefix: token.prefix,
        token_hash: token.hash,
        expires_at: token.expiresAt,
      })
      .returning(COLUMNS)
    return toToken(row)
  }

  /** The user's tokens that still work, newest first. */
  async listForUser(userId: number): Promise<ApiToken[]> {
    const rows = await this.knex('api_tokens')
      .where('user_id', userId)
      .whereNull('revoked_at')
      .where((q) => q.whereNull('expires_at').orWhere('expires_at', '>', new Date()))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .select<TokenRow[]>(COLUMNS)
    return rows.map(toToken)
  }

  /** Revokes one of the user's own tokens; undefined when the user has no such working token. */
  async revoke(userId: number, id: number, db: Knex = this.knex): Promise<ApiToken | undefined> {
    const [row] = await db('api_tokens')
      .where({ id, user_id: userId })
      .whereNull('revoked_at')
      .update({ revoked_at: new Date() })
      .returning(COLUMNS)
    return row ? toToken(row) : undefined
  }

  /** The token's id and user when it is neither revoked nor expired. */
  async live(hash: string): Promise<{ id: number; userId: number; lastUsedAt: Date | null } | undefined> {
    const row = await this.knex('api_tokens')
      .where('token_hash', hash)
      .whereNull('revoked_at')
      .where((q) => q.whereNull('expires_at').orWhere('expires_at', '>', new Date()))
      .first('id', 'user_id as userId', 'last_used_at as lastUsedAt')
    return row
      ? { id: row.id, userId: row.userId, lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt) : null }
      : undefined
  }

  async touch(id: number): Promise<void> {
    await this.knex('api_tokens').where('id', id).update({ last_used_at: new Date() })
  }
}
