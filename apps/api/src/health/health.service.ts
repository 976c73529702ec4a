// Whether the service can answer: which database it runs on, its versions, and whether migrations are complete.
import { type Database, migrationStatus } from '@renewal-atlas/db'
import type { HealthResponse } from '@renewal-atlas/domain'
import { ServiceUnavailableError } from '../http/errors.ts'

export class HealthService {
  constructor(
    private readonly db: Database,
    private readonly version: string,
  ) {}

  async status(): Promise<HealthResponse> {
    let migrations: Awaited<ReturnType<typeof migrationStatus>>
    try {
      migrations = await migrationStatus(this.db.knex)
    } catch {
      throw new ServiceUnavailableError('The database does not answer')
    }
    const { backend, postgresVersion, postgisVersion, mvt, maxConnections } = this.db.capabilities
    return {
      status: migrations.pending.length ? 'degraded' : 'ok',
      version: this.version,
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
    }
  }
}
