// The audit log in the query cache; every write invalidates it (data-changed.ts).
import { queryOptions } from '@tanstack/react-query'
import { type AuditFilter, fetchAudit } from './audit.api.ts'

export const auditQuery = (filter: AuditFilter, page: { limit: number; offset: number }) =>
  queryOptions({
    queryKey: ['audit', filter, page],
    queryFn: ({ signal }) => fetchAudit(filter, page, { signal }),
  })
