// GET /api/v1/search/compounds: compounds by part of their name or address.
import { compoundSearchQuery, compoundSearchResponse } from '@renewal-atlas/domain'
import { Router } from 'express'
import { parseQuery } from '../http/validate.ts'
import { jsonBody, readErrors, registry } from '../openapi/registry.ts'
import type { SearchService } from './search.service.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/search/compounds',
  tags: ['Search 搜索'],
  summary: 'Search compounds by name or address; names starting with the text come first',
  request: { query: compoundSearchQuery },
  responses: {
    200: jsonBody(
      compoundSearchResponse,
      'Matching compounds with a point and bbox to fly to',
      'application/json',
    ),
    ...readErrors,
  },
})

export function searchRoutes(service: SearchService): Router {
  const router = Router()
  router.get('/search/compounds', async (req, res) => {
    res.json(await service.compounds(parseQuery(compoundSearchQuery, req), res.locals.scope))
  })
  return router
}
