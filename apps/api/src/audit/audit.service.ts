// The audit log as administrators read it: every write, newest first, filtered by record or user.
import { type AuditListQuery, type AuditPage, pageOf } from '@renewal-atlas/domain'
import type { AuditRepository } from './audit.repository.ts'

export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async log(query: AuditListQuery): Promise<AuditPage> {
    const page = pageOf(query)
    return { ...page, ...(await this.audit.log({ ...query, ...page })) }
  }
}
