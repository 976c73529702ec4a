// The Express application: /api/v1 routes, problem+json errors, and the built web app on the same port.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Database } from '@renewal-atlas/db'
import express, { type Express } from 'express'
import { pinoHttp } from 'pino-http'
import type { Logger } from './logger.ts'
import { notFoundRoute, problemHandler } from './middleware/problem.ts'
import { AreaRepository } from './repositories/area.repository.ts'
import { CompoundRepository } from './repositories/compound.repository.ts'
import { CompoundDetailRepository } from './repositories/compound-detail.repository.ts'
import { RoadRepository } from './repositories/road.repository.ts'
import { SearchRepository } from './repositories/search.repository.ts'
import { StatsRepository } from './repositories/stats.repository.ts'
import { areaRoutes } from './routes/area.routes.ts'
import { compoundRoutes } from './routes/compound.routes.ts'
import { compoundDetailRoutes } from './routes/compound-detail.routes.ts'
import { healthRoutes } from './routes/health.routes.ts'
import { openApiRoutes } from './routes/openapi.routes.ts'
import { reportRoutes } from './routes/report.routes.ts'
import { roadRoutes } from './routes/road.routes.ts'
import { searchRoutes } from './routes/search.routes.ts'
import { statsRoutes } from './routes/stats.routes.ts'
import { tileRoutes } from './routes/tile.routes.ts'
import { CompoundService } from './services/compound.service.ts'
import { CompoundDetailService } from './services/compound-detail.service.ts'
import { RoadService } from './services/road.service.ts'
import { SearchService } from './services/search.service.ts'
import { StatsService } from './services/stats.service.ts'
import { tileServiceFor } from './services/tile.service.ts'

export interface AppOptions {
  db: Database
  logger: Logger
  version: string
  /** Folder of the built web app (apps/web/dist); not served when absent. */
  webDist?: string | undefined
}

export function createApp({ db, logger, version, webDist }: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(
    pinoHttp({
      logger,
      // A map view asks for hundreds of tiles: those that succeed are logged at debug, like static files.
      customLogLevel: (req, res, error) => {
        if (error || res.statusCode >= 500) return 'error'
        return res.statusCode < 400 && req.url?.startsWith('/api/v1/tiles/') ? 'debug' : 'info'
      },
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
    }),
  )

  const areas = new AreaRepository(db.knex)
  const compounds = new CompoundService(new CompoundRepository(db.knex), areas)
  const compoundDetails = new CompoundDetailService(new CompoundDetailRepository(db.knex))
  const search = new SearchService(new SearchRepository(db.knex))
  const stats = new StatsService(new StatsRepository(db.knex))
  const roads = new RoadService(new RoadRepository(db.knex))

  const api = express.Router()
  api.use(express.json({ limit: '1mb' }))
  api.use(healthRoutes(db, version))
  api.use(areaRoutes(areas))
  api.use(compoundRoutes(compounds))
  api.use(compoundDetailRoutes(compoundDetails))
  api.use(searchRoutes(search))
  api.use(statsRoutes(stats))
  api.use(reportRoutes(stats))
  api.use(roadRoutes(roads))
  api.use(tileRoutes(tileServiceFor(db)))
  api.use(openApiRoutes(version))
  api.use(notFoundRoute)
  app.use('/api/v1', api)
  app.use('/api', notFoundRoute)

  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }))
    // Client-side routes: any other GET that wants HTML gets the app shell.
    app.use((req, res, next) => {
      if (req.method !== 'GET' || !req.accepts('html')) return next()
      res.set('Cache-Control', 'no-cache').sendFile(path.join(webDist, 'index.html'))
    })
  }
  app.use(notFoundRoute)
  app.use(problemHandler)
  return app
}
