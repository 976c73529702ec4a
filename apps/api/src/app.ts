// The Express application: security headers, rate limits, who is asking and whether they may (one permission
// table), the /api/v1 routes, problem+json errors, and the built web app on the same port.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Database } from '@renewal-atlas/db'
import { FEATURE_COUNT_HEADER } from '@renewal-atlas/domain'
import cors from 'cors'
import express, { type Express } from 'express'
import helmet from 'helmet'
import { pinoHttp } from 'pino-http'
import { AccountRepository } from './auth/account.repository.ts'
import { AccountService } from './auth/account.service.ts'
import { compoundStreetId } from './auth/area.ts'
import { AuditLogRepository } from './auth/audit-log.repository.ts'
import { authenticate } from './auth/authenticate.ts'
import { authorize, CSRF_HEADER } from './auth/authorize.ts'
import { apiRateLimits, DEFAULT_RATE_LIMITS, type RateLimits } from './auth/rate-limit.ts'
import { compileRouteTable, type ServedRoute, servedMatcher, servedRoutes } from './auth/route-table.ts'
import { SessionRepository } from './auth/session.repository.ts'
import { SessionService } from './auth/session.service.ts'
import { TokenRepository } from './auth/token.repository.ts'
import type { Logger } from './logger.ts'
import { refuseNulCharacters } from './middleware/no-nul.ts'
import { notFoundRoute, problemHandler } from './middleware/problem.ts'
import { refuseLongUrl } from './middleware/request-size.ts'
import { ogcRoutes } from './ogc/ogc.routes.ts'
import { AreaRepository } from './repositories/area.repository.ts'
import { AuditRepository } from './repositories/audit.repository.ts'
import { CompoundRepository } from './repositories/compound.repository.ts'
import { CompoundDetailRepository } from './repositories/compound-detail.repository.ts'
import { CompoundEditRepository } from './repositories/compound-edit.repository.ts'
import { RoadRepository } from './repositories/road.repository.ts'
import { SearchRepository } from './repositories/search.repository.ts'
import { StatsRepository } from './repositories/stats.repository.ts'
import { areaRoutes } from './routes/area.routes.ts'
import { auditRoutes } from './routes/audit.routes.ts'
import { authRoutes } from './routes/auth.routes.ts'
import { compoundRoutes } from './routes/compound.routes.ts'
import { compoundDetailRoutes } from './routes/compound-detail.routes.ts'
import { compoundEditRoutes } from './routes/compound-edit.routes.ts'
import { exportRoutes } from './routes/export.routes.ts'
import { healthRoutes } from './routes/health.routes.ts'
import { importRoutes } from './routes/import.routes.ts'
import { openApiRoutes } from './routes/openapi.routes.ts'
import { reportRoutes } from './routes/report.routes.ts'
import { roadRoutes } from './routes/road.routes.ts'
import { searchRoutes } from './routes/search.routes.ts'
import { statsRoutes } from './routes/stats.routes.ts'
import { tileRoutes } from './routes/tile.routes.ts'
import { tokenRoutes } from './routes/token.routes.ts'
import { userRoutes } from './routes/user.routes.ts'
import { CompoundService } from './services/compound.service.ts'
import { CompoundDetailService } from './services/compound-detail.service.ts'
import { CompoundEditService } from './services/compound-edit.service.ts'
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
  /**
   * Whether visitors who have not signed in may read (records, map, statistics, downloads). Writes always need
   * a user. Default: on with the embedded demo database, off with a database server.
   */
  publicRead?: boolean | undefined
  /** Origins allowed to call the API from a browser (with credentials); none when empty or absent. */
  corsOrigins?: string[] | undefined
  rateLimits?: Partial<RateLimits> | undefined
}

/**
 * Content-Security-Policy under which the map (maplibre's blob workers, data: sprites), the dashboard and the
 * API reference (swagger-ui, served locally) work, and nothing from elsewhere loads.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ['blob:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
}

/** Secrets never reach the log: the session cookie, bearer tokens and Set-Cookie are replaced. */
const redactedHeaders = (headers: Record<string, unknown> | undefined) => {
  if (!headers) return headers
  const out = { ...headers }
  for (const name of ['cookie', 'authorization', 'set-cookie', 'x-csrf-token']) {
    if (out[name] !== undefined) out[name] = '[redacted]'
  }
  return out
}

const apiRouters = new WeakMap<Express, express.Router>()
const ogcRouters = new WeakMap<Express, express.Router>()

/** Every method and path the app's /api/v1 and /ogc routers serve (Express path syntax), for the access matrix. */
export function apiRoutesOf(app: Express): ServedRoute[] {
  const api = apiRouters.get(app)
  const ogc = ogcRouters.get(app)
  return [
    ...(api ? servedRoutes(api, '/api/v1') : []),
    // The landing page is the router's `/`: listed as /ogc, the key ROUTE_ACCESS gives it.
    ...(ogc ? servedRoutes(ogc, '/ogc').map((r) => ({ ...r, path: r.path.replace(/(.)\/$/, '$1') })) : []),
  ]
}

export function createApp({ db, logger, version, webDist, ...options }: AppOptions): Express {
  const publicRead = options.publicRead ?? db.capabilities.backend === 'embedded'
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits }
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }))
  // Before the request log, the rate limits and the session lookup: a huge URL costs nothing but its refusal.
  app.use(refuseLongUrl(logger))
  app.use(
    pinoHttp({
      logger,
      serializers: {
        req: (req: { headers?: Record<string, unknown> }) => ({
          ...req,
          headers: redactedHeaders(req.headers),
        }),
        res: (res: { headers?: Record<string, unknown> }) => ({
          ...res,
          headers: redactedHeaders(res.headers),
        }),
      },
      // A map view asks for hundreds of tiles: those that succeed are logged at debug, like static files.
      customLogLevel: (req, res, error) => {
        if (error || res.statusCode >= 500) return 'error'
        return res.statusCode < 400 && req.url?.startsWith('/api/v1/tiles/') ? 'debug' : 'info'
      },
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') && !req.url?.startsWith('/ogc') },
    }),
  )

  const areas = new AreaRepository(db.knex)
  const compounds = new CompoundService(new CompoundRepository(db.knex), areas)
  const compoundDetails = new CompoundDetailService(new CompoundDetailRepository(db.knex))
  const search = new SearchService(new SearchRepository(db.knex))
  const stats = new StatsService(new StatsRepository(db.knex))
  const roads = new RoadService(new RoadRepository(db.knex))
  const accountRepository = new AccountRepository(db.knex)
  const tokens = new TokenRepository(db.knex)
  const sessions = new SessionService(accountRepository, new SessionRepository(db.knex), tokens)
  const accounts = new AccountService(db.knex, accountRepository, tokens, sessions)

  // CORS stays closed (no headers at all) unless origins are configured.
  if (options.corsOrigins?.length) {
    app.use(
      '/api',
      cors({
        origin: options.corsOrigins,
        credentials: true,
        allowedHeaders: ['Content-Type', 'Authorization', 'If-Match', 'If-None-Match', CSRF_HEADER],
        exposedHeaders: [
          'ETag',
          'Retry-After',
          'Location',
          'Link',
          'Content-Disposition',
          FEATURE_COUNT_HEADER,
        ],
        maxAge: 600,
      }),
    )
  }
  // One set of counters for /api and /ogc: a client's requests count once against the limit, whichever it calls.
  const rateLimiters = apiRateLimits(limits)
  app.use('/api', ...rateLimiters)

  const api = express.Router()
  // An import upload is the raw file, read by its own route up to the upload limit (routes/import.routes.ts).
  const parseJson = express.json({ limit: '1mb' })
  api.use((req, res, next) =>
    req.method === 'POST' && /^\/imports\/?$/.test(req.path) ? next() : parseJson(req, res, next),
  )
  api.use(refuseNulCharacters)
  api.use(authenticate(sessions))
  let served: ((method: string, path: string) => boolean) | undefined
  api.use(
    authorize({
      rules: compileRouteTable(),
      publicRead,
      // Read once the routers below are mounted.
      served: (method, path) => {
        served ??= servedMatcher(servedRoutes(api))
        return served(method, path)
      },
      compoundStreetId: (id) => compoundStreetId(db.knex, id),
    }),
  )
  api.use(authRoutes({ sessions, accounts, publicRead, limits }))
  api.use(tokenRoutes(accounts))
  api.use(userRoutes(accounts))
  api.use(auditRoutes(new AuditLogRepository(db.knex)))
  api.use(healthRoutes(db, version))
  api.use(areaRoutes(areas))
  api.use(compoundRoutes(compounds))
  api.use(compoundDetailRoutes(compoundDetails))
  api.use(
    compoundEditRoutes(
      new CompoundEditService(
        new CompoundEditRepository(db.knex),
        new AuditRepository(db.knex),
        tileServiceFor(db),
      ),
    ),
  )
  api.use(searchRoutes(search))
  api.use(statsRoutes(stats))
  api.use(reportRoutes(stats))
  api.use(roadRoutes(roads))
  api.use(tileRoutes(tileServiceFor(db)))
  api.use(exportRoutes(db))
  api.use(importRoutes(db))
  api.use(openApiRoutes(version))
  api.use(notFoundRoute)
  app.use('/api/v1', api)
  apiRouters.set(app, api)
  app.use('/api', notFoundRoute)

  // OGC API Features for GDAL and QGIS: the same rate limit, sign-in (bearer tokens too) and permission table as
  // /api/v1, so a closed installation needs a token and a design institute reads only its streets.
  const ogc = express.Router()
  ogc.use(refuseNulCharacters)
  ogc.use(authenticate(sessions))
  let ogcServed: ((method: string, path: string) => boolean) | undefined
  ogc.use(
    authorize({
      rules: compileRouteTable(),
      publicRead,
      served: (method, path) => {
        ogcServed ??= servedMatcher(servedRoutes(ogc))
        return ogcServed(method, path)
      },
      compoundStreetId: (id) => compoundStreetId(db.knex, id),
    }),
  )
  ogc.use(ogcRoutes(db, { version }))
  ogc.use(notFoundRoute)
  app.use('/ogc', ...rateLimiters, ogc)
  ogcRouters.set(app, ogc)

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
