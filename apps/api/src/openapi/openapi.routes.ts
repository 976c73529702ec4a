// GET /api/v1/openapi.json and the human-readable API reference at /api/v1/docs (served locally, works offline).
import { Router } from 'express'
import swaggerUi from 'swagger-ui-express'
import { openApiDocument } from './registry.ts'

export function openApiRoutes(version: string): Router {
  const router = Router()
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(version))
  })
  router.use(
    '/docs',
    swaggerUi.serveFiles(undefined, { swaggerOptions: { url: '/api/v1/openapi.json' } }),
    swaggerUi.setup(undefined, {
      customSiteTitle: 'Renewal Atlas API 焕新图谱接口',
      customCss: '',
      swaggerOptions: { url: '/api/v1/openapi.json' },
    }),
  )
  return router
}
