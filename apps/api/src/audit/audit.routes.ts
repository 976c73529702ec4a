// GET /api/v1/audit: the audit log of every write, newest first, for administrators.
import { auditListQuery, auditPage, pageOf } from '@renewal-atlas/domain'
import { Router } from 'express'
import { accountErrors, signedInSecurity } from '../auth/auth.routes.ts'
import { parseQuery } from '../http/validate.ts'
import { jsonBody, registry } from '../openapi/registry.ts'
import type { AuditLogRepository } from './audit-log.repository.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/audit',
  tags: ['Audit 操作日志'],
  summary: 'Who changed which record when, with the record before and after; filter by entity or user',
  security: signedInSecurity,
  request: { query: auditListQuery },
  responses: {
    200: jsonBody(auditPage, 'A page of audit entries, newest first', 'application/json'),
    ...accountErrors,
  },
})

export function auditRoutes(log: AuditLogRepository): Router {
  const router = Router()
  router.get('/audit', async (req, res) => {
    const query = parseQuery(auditListQuery, req)
    const page = pageOf(query)
    res.set('Cache-Control', 'no-store').json({ ...page, ...(await log.list({ ...query, ...page })) })
  })
  return router
}
