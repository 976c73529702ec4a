// GET /api/v1/health: which database answers, its versions, and whether migrations are complete.

import { type Database, migrationStatus } from '@renewal-atlas/db'
import { healthResponse } from '@renewal-atlas/domain'
import { Router } from 'express'
import { jsonBody, registry } from '../openapi/registry.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/health',
  tags: ['Service'],
  summary: 'Service and database status',
  responses: { 200: jsonBody(healthResponse, 'The service is up', 'application/json') },
})

export function healthRoutes(db: Database, version: string): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    await db.knex.raw('select 1')
    const migrations = await migrationStatus(db.knex)
    const { backend, postgresVersion, postgisVersion, mvt, maxConnections } = db.capabilities
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      version,
      database: {
        backend,
        postgres: postgresVersion,
        postgis: postgisVersion,
        capabilities: { mvt, maxConnections },
      },
      migrations: {
        applied: migrations.applied.length,
        pending: migrations.pending.length,
        latest: migrations.latest,
      },
    })
  })
  return router
}
