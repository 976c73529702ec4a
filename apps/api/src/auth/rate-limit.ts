// Rate limits answering 429 problem+json with Retry-After: a general one per IP for /api, a higher one for
// map tiles, and the sign-in limits per IP and user name that slow down password guessing. The health check is
// never limited: a monitor behind the same proxy as busy users must still see the service up.
import type { RequestHandler } from 'express'
import { ipKeyGenerator, type Options, rateLimit } from 'express-rate-limit'
import { TooManyRequestsError } from '../http/errors.ts'

const MINUTE = 60 * 1000
const FIFTEEN_MINUTES = 15 * MINUTE

export interface RateLimits {
  /** Requests per minute per IP to /api, tiles aside (default 1200). */
  perMinute: number
  /** Tile requests per minute per IP (default ten times perMinute: one map view asks for hundreds). */
  tilesPerMinute: number
  /** Failed sign-ins per 15 minutes for one user name from one IP (default 5). */
  loginPerUser: number
  /** Failed sign-ins per 15 minutes from one IP, whatever the user name (default 50). */
  loginPerIp: number
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perMinute: 1200,
  tilesPerMinute: 12_000,
  loginPerUser: 5,
  loginPerIp: 50,
}

function refusal(detail: string): Options['handler'] {
  return (req, _res, next) => {
    const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime
    const seconds = resetTime ? (resetTime.getTime() - Date.now()) / 1000 : 60
    next(new TooManyRequestsError(detail, seconds))
  }
}

/** Paths as the limiters see them, mounted at /api: the health check, which no limit applies to. */
const UNLIMITED_PATHS: ReadonlySet<string> = new Set(['/v1/health'])

/**
 * Tiles under /v1/tiles/ (mounted at /api) count against their own, higher limit; the health check against none
 * (it is cheap: routes/health.routes.ts answers a burst from one look at the database).
 */
export function apiRateLimits(limits: RateLimits): RequestHandler[] {
  const isTile = (path: string) => path.startsWith('/v1/tiles/')
  return [
    rateLimit({
      windowMs: MINUTE,
      limit: limits.perMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      skip: (req) => isTile(req.path) || UNLIMITED_PATHS.has(req.path),
      handler: refusal(`More than ${limits.perMinute} requests a minute; wait before sending more`),
    }),
    rateLimit({
      windowMs: MINUTE,
      limit: limits.tilesPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      skip: (req) => !isTile(req.path),
      handler: refusal(`More than ${limits.tilesPerMinute} tile requests a minute; wait before sending more`),
    }),
  ]
}

/** Counts failed sign-ins only (a success is not counted), per IP and user name, and per IP. */
export function loginRateLimits(limits: RateLimits): RequestHandler[] {
  const detail = 'Too many failed sign-ins; wait before trying again'
  const username = (body: unknown) =>
    String((body as { username?: unknown } | undefined)?.username ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 64)
  return [
    rateLimit({
      windowMs: FIFTEEN_MINUTES,
      limit: limits.loginPerIp,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: refusal(detail),
    }),
    rateLimit({
      windowMs: FIFTEEN_MINUTES,
      limit: limits.loginPerUser,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? 'unknown')}|${username(req.body)}`,
      handler: refusal(detail),
    }),
  ]
}
