// Whether the service can answer: which database it runs on, its versions, and whether migrations are complete.
// Never rate-limited (auth/rate-limit.ts), so it must stay cheap: one look at the migrations serves every request
// for a second.
import { type Database, type MigrationStatus, migrationStatus } from '@renewal-atlas/db'
import type { HealthResponse } from '@renewal-atlas/domain'
import { ServiceUnavailableError } from '../http/errors.ts'

/** How long one look at the database answers for: a monitor or a flood of checks costs one query a second. */
const STATUS_TTL_MS = 1000

export class HealthService {
  /** A failed look is kept as long as a good one, so a flood of checks cannot hammer a database that is down. */
  private last: { at: number; migrations: Promise<MigrationStatus> } | undefined

  constructor(
    private readonly db: Database,
    private readonly version: string,
  ) {}

  private migrations(): Promise<MigrationStatus> {
    if (!this.last || Date.now() - this.last.at >= STATUS_TTL_MS) {
      const looked = migrationStatus(this.db.knex)
      looked.catch(() => undefined)
      this.last = { at: Date.now(), migrations: looked }
    }
    return this.last.migrations
  }

  async status(): Promise<HealthResponse> {
    let migrations: MigrationStatus
    try {
      migrations = await this.migrations()
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
