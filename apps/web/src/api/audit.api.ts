// The audit log (操作日志): every write, newest first, paged and filtered by entity or user.
import { auditPage } from '@renewal-atlas/domain'
import { getJson, type RequestOptions } from './http-client.ts'

export interface AuditFilter {
  entityType?: string | undefined
  entityId?: string | undefined
  userId?: number | undefined
}

export function fetchAudit(
  filter: AuditFilter,
  page: { limit: number; offset: number },
  options: RequestOptions = {},
) {
  const query = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) })
  if (filter.entityType) query.set('entityType', filter.entityType)
  if (filter.entityId) query.set('entityId', filter.entityId)
  if (filter.userId !== undefined) query.set('userId', String(filter.userId))
  return getJson(`/audit?${query}`, auditPage, options)
}
