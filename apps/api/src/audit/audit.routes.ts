// GET /api/v1/audit: the audit log of every write, newest first, for administrators.
import { auditListQuery, auditPage } from '@renewal-atlas/domain'
import { Router } from 'express'
import { accountErrors, signedInSecurity } from '../auth/auth.routes.ts'
import { parseQuery } from '../http/validate.ts'
import { jsonBody, registry } from '../openapi/registry.ts'
import type { AuditService } from './audit.service.ts'

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

export function auditRoutes(audit: AuditService): Router {
  const router = Router()
  router.get('/audit', async (req, res) => {
    const query = parseQuery(auditListQuery, req)
    res.set('Cache-Control', 'no-store').json(await audit.log(query))
  })
  return router
}
