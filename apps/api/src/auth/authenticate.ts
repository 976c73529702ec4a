// Who is asking: a bearer token (scripts, QGIS, GDAL), a session cookie (the web app), or nobody.
import type { RequestHandler } from 'express'
import { UnauthorizedError } from '../http/errors.ts'
import { clearSessionCookie, readCookie, SESSION_COOKIE } from './cookie.ts'
import { ANONYMOUS, UNLIMITED } from './principal.ts'
import type { SessionService } from './session.service.ts'

export function authenticate(sessions: SessionService): RequestHandler {
  return async (req, res, next) => {
    res.locals.principal = ANONYMOUS
    res.locals.scope = UNLIMITED
    const authorization = req.get('authorization')
    if (authorization !== undefined) {
      // Credentials that were sent but do not work are refused, so a script learns its token is bad.
      const [scheme, token, ...rest] = authorization.trim().split(/\s+/)
      if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length) {
        throw new UnauthorizedError('The Authorization header must be "Bearer <token>"', 'invalid_token')
      }
      const principal = await sessions.fromToken(token)
      if (!principal) throw new UnauthorizedError('The token is unknown, revoked or expired', 'invalid_token')
      res.locals.principal = principal
      return next()
    }
    const cookie = readCookie(req, SESSION_COOKIE)
    if (cookie) {
      const principal = cookie.length <= 200 ? await sessions.fromCookie(cookie) : undefined
      if (principal) res.locals.principal = principal
      else {
        // An expired or forged cookie makes the request anonymous; routes that need a user answer 401.
        res.locals.sessionExpired = true
        clearSessionCookie(req, res)
      }
    }
    next()
  }
}
