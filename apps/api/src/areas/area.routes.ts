// GET /api/v1/district, /streets and /communities: the administrative hierarchy as GeoJSON.
import {
  areaListQuery,
  communityListQuery,
  communityPage,
  districtCollection,
  streetPage,
} from '@renewal-atlas/domain'
import { Router } from 'express'
import { featurePage } from '../http/paging.ts'
import { parseQuery } from '../http/validate.ts'
import { jsonBody, readErrors, registry } from '../openapi/registry.ts'
import type { AreaService } from './area.service.ts'

const tags = ['Areas 行政区划']
registry.registerPath({
  method: 'get',
  path: '/api/v1/district',
  tags,
  summary: 'The district outline with its headline compound figures',
  description:
    'A reader whose reading is limited to some streets (a design institute) gets the figures of those streets ' +
    'only, named in `summary.streets`, as its compound list is narrowed to them.',
  responses: { 200: jsonBody(districtCollection, 'The district'), ...readErrors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/streets',
  tags,
  summary: 'Streets (街道) as GeoJSON',
  request: { query: areaListQuery },
  responses: { 200: jsonBody(streetPage, 'A page of streets'), ...readErrors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/communities',
  tags,
  summary: 'Communities (社区) as GeoJSON, optionally of one street',
  request: { query: communityListQuery },
  responses: { 200: jsonBody(communityPage, 'A page of communities'), ...readErrors },
})

export function areaRoutes(areas: AreaService): Router {
  const router = Router()
  router.get('/district', async (_req, res) => {
    const features = await areas.district(res.locals.scope)
    res.type('application/geo+json').json({ type: 'FeatureCollection', features })
  })
  router.get('/streets', async (req, res) => {
    const { page, total, features } = await areas.streets(parseQuery(areaListQuery, req))
    res.type('application/geo+json').json(featurePage(req, page, total, features))
  })
  router.get('/communities', async (req, res) => {
    const { page, total, features } = await areas.communities(parseQuery(communityListQuery, req))
    res.type('application/geo+json').json(featurePage(req, page, total, features))
  })
  return router
}
