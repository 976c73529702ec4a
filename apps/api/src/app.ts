// The Express application: security headers, rate limits, who is asking and whether they may (one permission
// table), the /api/v1 routes, problem+json errors, and the built web app on the same port.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Database } from '@renewal-atlas/db'
import { FEATURE_COUNT_HEADER } from '@renewal-atlas/domain'
import cors from 'cors'
import express, { type Express } from 'express'
import helmet from 'helmet'
import type { Knex } from 'knex'
import { pinoHttp } from 'pino-http'
import { AccountRepository } from './accounts/account.repository.ts'
import { AccountService, accountWorkOn } from './accounts/account.service.ts'
import { TokenRepository } from './accounts/token.repository.ts'
import { tokenRoutes } from './accounts/token.routes.ts'
import { userRoutes } from './accounts/user.routes.ts'
import { AreaRepository } from './areas/area.repository.ts'
import { areaRoutes } from './areas/area.routes.ts'
import { AreaService } from './areas/area.service.ts'
import { AuditRepository } from './audit/audit.repository.ts'
import { auditRoutes } from './audit/audit.routes.ts'
import { AuditService } from './audit/audit.service.ts'
import { authRoutes } from './auth/auth.routes.ts'
import { authenticate } from './auth/authenticate.ts'
import { authorize, CSRF_HEADER } from './auth/authorize.ts'
import { apiRateLimits, DEFAULT_RATE_LIMITS, type RateLimits } from './auth/rate-limit.ts'
import { compileRouteTable, type ServedRoute, servedMatcher, servedRoutes } from './auth/route-table.ts'
import { SessionRepository } from './auth/session.repository.ts'
import { SessionService } from './auth/session.service.ts'
import { dataChangesFor } from './changes/data-changed.ts'
import { WritePath } from './changes/write-path.ts'
import { CompoundRepository } from './compounds/compound.repository.ts'
import { compoundRoutes } from './compounds/compound.routes.ts'
import { CompoundService } from './compounds/compound.service.ts'
import { CompoundDetailRepository } from './compounds/compound-detail.repository.ts'
import { compoundDetailRoutes } from './compounds/compound-detail.routes.ts'
import { CompoundDetailService } from './compounds/compound-detail.service.ts'
import { CompoundEditRepository } from './compounds/compound-edit.repository.ts'
import { compoundEditRoutes } from './compounds/compound-edit.routes.ts'
import { CompoundEditService } from './compounds/compound-edit.service.ts'
import { exportRoutes } from './exports/export.routes.ts'
import { ExportService } from './exports/export.service.ts'
import { healthRoutes } from './health/health.routes.ts'
import { HealthService } from './health/health.service.ts'
import { refuseNulCharacters } from './http/no-nul.ts'
import { notFoundRoute, problemHandler } from './http/problem.ts'
import { refuseLongUrl } from './http/request-size.ts'
import { importRoutes } from './imports/import.routes.ts'
import { ImportService, importWorkOn } from './imports/import.service.ts'
import { LayerRepository } from './layers/layer.repository.ts'
import { layerRoutes } from './layers/layer.routes.ts'
import type { Logger } from './logger.ts'
import { ogcRoutes } from './ogc/ogc.routes.ts'
import { OgcService } from './ogc/ogc.service.ts'
import { openApiRoutes } from './openapi/openapi.routes.ts'
import { RoadRepository } from './roads/road.repository.ts'
import { roadRoutes } from './roads/road.routes.ts'
import { RoadService } from './roads/road.service.ts'
import { SearchRepository } from './search/search.repository.ts'
import { searchRoutes } from './search/search.routes.ts'
import { SearchService } from './search/search.service.ts'
import { reportRoutes } from './stats/report.routes.ts'
import { StatsRepository } from './stats/stats.repository.ts'
import { statsRoutes } from './stats/stats.routes.ts'
import { StatsService } from './stats/stats.service.ts'
import { tileRoutes } from './tiles/tile.routes.ts'
import { TileService } from './tiles/tile.service.ts'

export interface AppOptions {
  db: Database
  logger: Logger
  version: string
  /** Folder of the built web app (apps/web/dist); not served when absent. */
  webDist?: string | undefined
  /**
   * Whether visitors who have not signed in may read (records, map, statistics, downloads). Writes always need
   * a user. Default off; the setting comes from configuration (auth/settings.ts), never from the backend.
   */
  publicRead?: boolean | undefined
  /** Origins allowed to call the API from a browser (with credentials); none when empty or absent. */
  corsOrigins?: string[] | undefined
  rateLimits?: Partial<RateLimits> | undefined
  /** Byte budget of the tile cache (default 64 MiB; the benchmark sets 1 to measure every tile made). */
  tileCacheBytes?: number | undefined
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

/** Longest URL a log line keeps: enough to tell requests apart, not a 12,000-character export area. */
const LOGGED_URL_LENGTH = 300

/**
 * One compact line per request: method, URL, status and time (pino-http adds responseTime). No headers at all, so
 * no cookie, token or CSRF secret can reach a log file, and a day of map tiles is not gigabytes of headers.
 */
const compactRequest = (req: { id?: unknown; method?: string; url?: string }) => ({
  id: req.id,
  method: req.method,
  url: req.url && req.url.length > LOGGED_URL_LENGTH ? `${req.url.slice(0, LOGGED_URL_LENGTH)}…` : req.url,
})
const compactResponse = (res: { statusCode?: number }) => ({ statusCode: res.statusCode })

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
  const publicRead = options.publicRead ?? false
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
      serializers: { req: compactRequest, res: compactResponse },
      // A map view asks for hundreds of tiles: those that succeed are logged at debug, like static files.
      customLogLevel: (req, res, error) => {
        if (error || res.statusCode >= 500) return 'error'
        return res.statusCode < 400 && req.url?.startsWith('/api/v1/tiles/') ? 'debug' : 'info'
      },
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') && !req.url?.startsWith('/ogc') },
    }),
  )

  // The composition root: every repository, service and cache of the app is made here, once, over one database and
  // its one data-changed signal; routes receive services and never a database.
  const { knex } = db
  const changes = dataChangesFor(db, logger)
  const writePath = <Work>(workOn: (trx: Knex) => Work) => new WritePath(knex, workOn, changes)
  const areas = new AreaService(new AreaRepository(knex))
  const compoundRepository = new CompoundRepository(knex)
  const compounds = new CompoundService(compoundRepository, areas)
  const compoundDetails = new CompoundDetailService(new CompoundDetailRepository(knex))
  const auditRepository = new AuditRepository(knex)
  const audit = new AuditService(auditRepository)
  const compoundEdits = new CompoundEditService(
    new CompoundEditRepository(knex),
    auditRepository,
    writePath((trx) => new CompoundEditRepository(trx)),
  )
  const search = new SearchService(new SearchRepository(knex))
  const stats = new StatsService(new StatsRepository(knex), changes)
  const roads = new RoadService(new RoadRepository(knex), changes)
  const tiles = new TileService(db, changes, { cacheBytes: options.tileCacheBytes })
  const layers = new LayerRepository(knex, db.capabilities.copyToStdout)
  const exports = new ExportService(layers, compoundRepository)
  const imports = new ImportService(knex, writePath(importWorkOn))
  const accountRepository = new AccountRepository(knex)
  const tokens = new TokenRepository(knex)
  const sessions = new SessionService(accountRepository, new SessionRepository(knex), tokens, changes)
  const accounts = new AccountService(accountRepository, tokens, writePath(accountWorkOn))
  const health = new HealthService(db, version)
  const streetOfCompound = (id: number) => compoundRepository.streetId(id)

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
  // An import upload is the raw file, read by its own route up to the upload limit (imports/import.routes.ts).
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
      compoundStreetId: streetOfCompound,
    }),
  )
  api.use(authRoutes({ sessions, accounts, publicRead, limits }))
  api.use(tokenRoutes(accounts))
  api.use(userRoutes(accounts))
  api.use(auditRoutes(audit))
  api.use(healthRoutes(health))
  api.use(areaRoutes(areas))
  api.use(compoundRoutes(compounds))
  api.use(compoundDetailRoutes(compoundDetails))
  api.use(compoundEditRoutes(compoundEdits))
  api.use(searchRoutes(search))
  api.use(statsRoutes(stats))
  api.use(reportRoutes(stats))
  api.use(roadRoutes(roads))
  api.use(tileRoutes(tiles))
  api.use(layerRoutes(tiles))
  api.use(exportRoutes(exports))
  api.use(importRoutes(imports))
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
      compoundStreetId: streetOfCompound,
    }),
  )
  ogc.use(ogcRoutes(new OgcService(layers), { version }))
  ogc.use(notFoundRoute)
  app.use('/ogc', ...rateLimiters, ogc)
  ogcRouters.set(app, ogc)

  const shell = webDist === undefined ? undefined : path.join(webDist, 'index.html')
  if (webDist !== undefined && shell !== undefined && existsSync(shell)) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }))
    // The app routes over the location hash, so the start page is its one page. Any other path that wants HTML is a
    // page that does not exist: 404, with the app, which then says so in the reader's language and links to the map.
    app.get(['/', '/index.html'], (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(shell)
    })
    app.use((req, res, next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next()
      res.status(404).set('Cache-Control', 'no-cache').sendFile(shell)
    })
  }
  app.use(notFoundRoute)
  app.use(problemHandler)
  return app
}
