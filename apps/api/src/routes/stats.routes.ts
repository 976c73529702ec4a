// GET /api/v1/stats/coverage: renovation coverage of old compounds by district, street, community or year.
import { coverageQuery, coverageResponse } from '@renewal-atlas/domain'
import { Router } from 'express'
import { parseQuery } from '../middleware/validate.ts'
import { jsonBody, readErrors, registry } from '../openapi/registry.ts'
import type { StatsService } from '../services/stats.service.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/stats/coverage',
  tags: ['Statistics 统计'],
  summary: 'Old-compound renovation coverage grouped by district, street, community or renovation year',
  request: { query: coverageQuery },
  responses: { 200: jsonBody(coverageResponse, 'Coverage rows', 'application/json'), ...readErrors },
})

export function statsRoutes(service: StatsService): Router {
  const router = Router()
  router.get('/stats/coverage', async (req, res) => {
    res.json(await service.coverage(parseQuery(coverageQuery, req)))
  })
  return router
}
