// GET /api/v1/compounds/{id}/buildings, /projects, /findings and /suggestions: the compound panel's contents.
import {
  buildingCollection,
  compoundProjectsResponse,
  findingCollection,
  idParam,
  suggestionListQuery,
  suggestionPage,
} from '@renewal-atlas/domain'
import { Router } from 'express'
import { featurePage } from '../http/paging.ts'
import { parsePath, parseQuery } from '../http/validate.ts'
import { jsonBody, notFound, readErrors, registry } from '../openapi/registry.ts'
import type { CompoundDetailService } from './compound-detail.service.ts'

const tags = ['Compounds 小区']
const errors = { ...readErrors, ...notFound }
registry.registerPath({
  method: 'get',
  path: '/api/v1/compounds/{id}/buildings',
  tags,
  summary: "The compound's buildings (楼栋) as GeoJSON",
  request: { params: idParam },
  responses: { 200: jsonBody(buildingCollection, 'Buildings'), ...errors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/compounds/{id}/projects',
  tags,
  summary: "The compound's renovation projects with their items and funding by source",
  request: { params: idParam },
  responses: { 200: jsonBody(compoundProjectsResponse, 'Projects', 'application/json'), ...errors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/compounds/{id}/findings',
  tags,
  summary: "The compound's urban-health-check findings (体检问题) as GeoJSON points",
  request: { params: idParam },
  responses: { 200: jsonBody(findingCollection, 'Findings'), ...errors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/compounds/{id}/suggestions',
  tags,
  summary: "The compound's residents' suggestions (居民意见), newest first, with counts by status",
  request: { params: idParam, query: suggestionListQuery },
  responses: { 200: jsonBody(suggestionPage, 'A page of suggestions'), ...errors },
})

export function compoundDetailRoutes(service: CompoundDetailService): Router {
  const router = Router()
  router.get('/compounds/:id/buildings', async (req, res) => {
    const { id } = parsePath(idParam, req)
    const features = await service.buildings(id)
    res.type('application/geo+json').json({ type: 'FeatureCollection', features })
  })
  router.get('/compounds/:id/projects', async (req, res) => {
    const { id } = parsePath(idParam, req)
    res.json({ projects: await service.projects(id) })
  })
  router.get('/compounds/:id/findings', async (req, res) => {
    const { id } = parsePath(idParam, req)
    const features = await service.findings(id)
    res.type('application/geo+json').json({ type: 'FeatureCollection', features })
  })
  router.get('/compounds/:id/suggestions', async (req, res) => {
    const { id } = parsePath(idParam, req)
    const query = parseQuery(suggestionListQuery, req)
    const { page, total, byStatus, features } = await service.suggestions(id, query)
    const { features: pageFeatures, ...collection } = featurePage(req, page, total, features)
    res.type('application/geo+json').json({ ...collection, byStatus, features: pageFeatures })
  })
  return router
}
