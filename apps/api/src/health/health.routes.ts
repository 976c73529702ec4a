// GET /api/v1/health: which database answers, its versions, and whether migrations are complete.

import { type Database, type MigrationStatus, migrationStatus } from '@renewal-atlas/db'
import { healthResponse, problemResponse } from '@renewal-atlas/domain'
import { Router } from 'express'
import { ServiceUnavailableError } from '../http/errors.ts'
import { jsonBody, registry } from '../openapi/registry.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/health',
  tags: ['Service'],
  summary: 'Service and database status',
  responses: {
    200: jsonBody(healthResponse, 'The service is up', 'application/json'),
    503: {
      description: 'The database does not answer',
      content: { 'application/problem+json': { schema: problemResponse } },
    },
  },
})

export function healthRoutes(db: Database, version: string): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    let migrations: MigrationStatus
    try {
      migrations = await migrationStatus(db.knex)
    } catch {
      throw new ServiceUnavailableError('The database does not answer')
    }
    const { backend, postgresVersion, postgisVersion, mvt, maxConnections } = db.capabilities
    res.set('Cache-Control', 'no-store').json({
      status: migrations.pending.length ? 'degraded' : 'ok',
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
