// Reads the audit log (who changed which record, before and after) for administrators, newest first.
import type { AuditEntry, AuditListQuery } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { isoTime } from '../accounts/account.repository.ts'

export class AuditLogRepository {
  constructor(private readonly knex: Knex) {}

  async list(
    query: AuditListQuery & { limit: number; offset: number },
  ): Promise<{ total: number; entries: AuditEntry[] }> {
    const base = this.knex('audit_entries as a')
    if (query.entityType) base.where('a.entity_type', query.entityType)
    if (query.entityId) base.where('a.entity_id', query.entityId)
    if (query.userId) base.where('a.user_id', query.userId)
    const [count, rows] = await Promise.all([
      base.clone().count<{ n: number }[]>('* as n'),
      base
        .clone()
        .leftJoin('users as u', 'u.id', 'a.user_id')
        .select(
          'a.id',
          'a.at',
          'a.action',
          'a.entity_type as entityType',
          'a.entity_id as entityId',
          'a.before',
          'a.after',
          'u.id as userId',
          'u.username',
          'u.display_name as displayName',
        )
        .orderBy('a.at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(query.limit)
        .offset(query.offset),
    ])
    return {
      total: Number(count[0]?.n ?? 0),
      entries: rows.map((r) => ({
        id: Number(r.id),
        at: isoTime(r.at) as string,
        user: r.userId === null ? null : { id: r.userId, username: r.username, displayName: r.displayName },
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: parseJson(r.before),
        after: parseJson(r.after),
      })),
    }
  }
}

/** jsonb arrives parsed from pg and as text from some drivers. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}
