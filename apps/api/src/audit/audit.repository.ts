// The audit log (audit_entries): who changed which record when, with the record before and after as JSON. The write
// path appends to it; a record's history and the administrators' log read it.
import type { AuditAction, AuditEntry, AuditListQuery } from '@renewal-atlas/domain'
import type { Knex } from 'knex'

export interface AuditWrite {
  userId: number | null
  action: AuditAction
  entityType: string
  entityId: number | string
  before: unknown
  after: unknown
}

export interface AuditRow {
  id: number
  at: string
  action: AuditAction
  userId: number | null
  username: string | null
  displayName: string | null
  before: unknown
  after: unknown
}

export class AuditRepository {
  constructor(private readonly knex: Knex) {}

  /** Append one entry; run it in the transaction of the write it records. */
  async record(entry: AuditWrite): Promise<number> {
    const [row] = await this.knex('audit_entries')
      .insert({
        user_id: entry.userId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: String(entry.entityId),
        // Sent as JSON text: the pg driver would turn a top-level array into a PostgreSQL array.
        before: entry.before === null ? null : JSON.stringify(entry.before),
        after: entry.after === null ? null : JSON.stringify(entry.after),
      })
      .returning('id')
    return Number(row.id)
  }

  private entries(entityType: string, entityId: number | string): Knex.QueryBuilder {
    return this.knex('audit_entries as a')
      .where('a.entity_type', entityType)
      .where('a.entity_id', String(entityId))
  }

  /** One page of a record's entries, newest first, with the total. */
  async list(
    entityType: string,
    entityId: number | string,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; rows: AuditRow[] }> {
    const [count, rows] = await Promise.all([
      this.entries(entityType, entityId).first(this.knex.raw('count(*)::int as n')),
      this.select(this.entries(entityType, entityId))
        .orderBy([
          { column: 'a.at', order: 'desc' },
          { column: 'a.id', order: 'desc' },
        ])
        .limit(page.limit)
        .offset(page.offset),
    ])
    return { total: (count?.n as number) ?? 0, rows: rows.map(toRow) }
  }

  /** One page of the whole log (any record, any user), newest first, with the total: for administrators. */
  async log(
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
        at: new Date(r.at as string | Date).toISOString(),
        user: r.userId === null ? null : { id: r.userId, username: r.username, displayName: r.displayName },
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: parseJson(r.before),
        after: parseJson(r.after),
      })),
    }
  }

  /** One entry of a record, or undefined when the id names no entry of that record. */
  async find(entityType: string, entityId: number | string, entryId: number): Promise<AuditRow | undefined> {
    const row = await this.select(this.entries(entityType, entityId)).where('a.id', entryId).first()
    return row ? toRow(row) : undefined
  }

  private select(query: Knex.QueryBuilder): Knex.QueryBuilder {
    return query
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(
        'a.id',
        'a.at',
        'a.action',
        'a.user_id as userId',
        'u.username',
        'u.display_name as displayName',
        'a.before',
        'a.after',
      )
  }
}

function toRow(row: Record<string, unknown>): AuditRow {
  return {
    id: Number(row.id),
    at: new Date(row.at as string | Date).toISOString(),
    action: row.action as AuditAction,
    userId: (row.userId as number | null) ?? null,
    username: (row.username as string | null) ?? null,
    displayName: (row.displayName as string | null) ?? null,
    // Both drivers (pg, PGlite) hand jsonb over parsed.
    before: row.before ?? null,
    after: row.after ?? null,
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
