// GET /api/v1/health: which database answers, its versions, and whether migrations are complete. Never rate-limited
// (auth/rate-limit.ts), so it must stay cheap: one look at the migrations serves every request for a second.

import { type Database, type MigrationStatus, migrationStatus } from '@renewal-atlas/db'
import { healthResponse, problemResponse } from '@renewal-atlas/domain'
import { Router } from 'express'
import { ServiceUnavailableError } from '../errors.ts'
import { jsonBody, registry } from '../openapi/registry.ts'

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

/** How long one look at the database answers for: a monitor or a flood of checks costs one query a second. */
const STATUS_TTL_MS = 1000

export function healthRoutes(db: Database, version: string): Router {
  const router = Router()
  // A failed look is kept as long as a good one, so a flood of checks cannot hammer a database that is down.
  let last: { at: number; status: Promise<MigrationStatus> } | undefined
  const status = () => {
    if (!last || Date.now() - last.at >= STATUS_TTL_MS) {
      const looked = migrationStatus(db.knex)
      looked.catch(() => undefined)
      last = { at: Date.now(), status: looked }
    }
    return last.status
  }
  router.get('/health', async (_req, res) => {
    let migrations: MigrationStatus
    try {
      migrations = await status()
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
