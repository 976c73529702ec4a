// GET /api/v1/health: which database answers, its versions, and whether migrations are complete.

import { healthResponse, problemResponse } from '@renewal-atlas/domain'
import { Router } from 'express'
import { jsonBody, registry } from '../openapi/registry.ts'
import type { HealthService } from './health.service.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/health',
  tags: ['Service'],
  summary: 'Service and database status',
  description:
    'Never rate-limited, so a monitor sees the service up while busy clients get 429. The database is asked at ' +
    'most once a second; requests in between get the same answer.',
  responses: {
    200: jsonBody(healthResponse, 'The service is up', 'application/json'),
    503: {
      description: 'The database does not answer',
      content: { 'application/problem+json': { schema: problemResponse } },
    },
  },
})

export function healthRoutes(health: HealthService): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await health.status())
  })
  return router
}
