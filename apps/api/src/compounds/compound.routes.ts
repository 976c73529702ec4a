// GET /api/v1/compounds (paged, filtered GeoJSON) and GET /api/v1/compounds/{id}.
import { compoundFeatureResponse, compoundListQuery, compoundPage, idParam } from '@renewal-atlas/domain'
import { Router } from 'express'
import { featurePage } from '../http/paging.ts'
import { parsePath, parseQuery } from '../http/validate.ts'
import { jsonBody, notFound, readErrors, registry } from '../openapi/registry.ts'
import type { CompoundService } from './compound.service.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/compounds',
  tags: ['Compounds 小区'],
  summary: 'List compounds as GeoJSON, filtered and paged',
  request: { query: compoundListQuery },
  responses: { 200: jsonBody(compoundPage, 'A page of compounds'), ...readErrors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/compounds/{id}',
  tags: ['Compounds 小区'],
  summary: 'One compound; its version is in the ETag header',
  request: { params: idParam },
  responses: { 200: jsonBody(compoundFeatureResponse, 'The compound'), ...readErrors, ...notFound },
})

export function compoundRoutes(service: CompoundService): Router {
  const router = Router()
  router.get('/compounds', async (req, res) => {
    const query = parseQuery(compoundListQuery, req)
    const { page, total, features } = await service.list(query, res.locals.scope)
    res.type('application/geo+json').json(featurePage(req, page, total, features))
  })
  router.get('/compounds/:id', async (req, res) => {
    const { id } = parsePath(idParam, req)
    const feature = await service.get(id)
    res.set('ETag', `"${feature.properties.version}"`).type('application/geo+json').json(feature)
  })
  return router
}
