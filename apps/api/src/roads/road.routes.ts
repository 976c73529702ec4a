// GET /api/v1/roads/dead-ends: road ends that meet no other road (断头路), derived from the road graph.
import { deadEndCollection } from '@renewal-atlas/domain'
import { Router } from 'express'
import { jsonBody, readErrors, registry } from '../openapi/registry.ts'
import type { RoadService } from './road.service.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/roads/dead-ends',
  tags: ['Roads 道路'],
  summary: 'Dead ends of the road network; road ends cut by the district outline are not dead ends',
  responses: { 200: jsonBody(deadEndCollection, 'Dead ends as points'), ...readErrors },
})

export function roadRoutes(service: RoadService): Router {
  const router = Router()
  router.get('/roads/dead-ends', async (_req, res) => {
    res.type('application/geo+json').json(await service.deadEnds())
  })
  return router
}
