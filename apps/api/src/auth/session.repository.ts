// Sessions of the web app: one row per signed-in browser, found by the SHA-256 of its cookie.
import type { Knex } from 'knex'

export interface SessionRow {
  id: string
  userId: number
  csrfToken: string
  lastSeenAt: Date
  expiresAt: Date
}

export class SessionRepository {
  constructor(private readonly knex: Knex) {}

  async create(session: {
    id: string
    userId: number
    csrfToken: string
    expiresAt: Date
    userAgent: string | null
  }): Promise<void> {
    await this.knex('sessions').insert({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      user_agent: session.userAgent?.slice(0, 500) ?? null,
    })
  }

  /** The session if it has passed neither its absolute end nor `idleSince`. */
  async live(id: string, idleSince: Date): Promise<SessionRow | undefined> {
    const row = await this.knex('sessions')
      .where('id', id)
      .where('expires_at', '>', new Date())
      .where('last_seen_at', '>', idleSince)
      .first(
        'id',
        'user_id as userId',
        'csrf_token as csrfToken',
        'last_seen_at as lastSeenAt',
        'expires_at as expiresAt',
      )
    return row
      ? { ...row, lastSeenAt: new Date(row.lastSeenAt), expiresAt: new Date(row.expiresAt) }
      : undefined
  }

  async touch(id: string): Promise<void> {
    await this.knex('sessions').where('id', id).update({ last_seen_at: new Date() })
  }

  async delete(id: string): Promise<void> {
    await this.knex('sessions').where('id', id).delete()
  }

  /** Ends every session of a user, except `keep` when given (the one that changed the password). */
  async deleteForUser(userId: number, keep?: string, db: Knex = this.knex): Promise<void> {
    const q = db('sessions').where('user_id', userId)
    if (keep) q.whereNot('id', keep)
    await q.delete()
  }

  async deleteStale(idleSince: Date): Promise<void> {
    await this.knex('sessions')
      .where('expires_at', '<=', new Date())
      .orWhere('last_seen_at', '<=', idleSince)
      .delete()
  }
}
