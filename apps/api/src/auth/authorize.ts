// The one place that decides whether a request may go on: its route's rule in ROUTE_ACCESS, the caller's
// role and streets, the CSRF token of cookie-authenticated writes, and the public-read setting.
import {
  ANONYMOUS_PERMISSIONS,
  can,
  type Permission,
  permission as permissionEnum,
} from '@renewal-atlas/domain'
import type { Request, RequestHandler } from 'express'
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../http/errors.ts'
import { inArea, scopeFor } from './area.ts'
import type { Principal } from './principal.ts'
import { type CompiledRule, findRule } from './route-table.ts'
import { sameSecret } from './secret.ts'

export const CSRF_HEADER = 'X-CSRF-Token'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface AuthorizeOptions {
  rules: CompiledRule[]
  publicRead: boolean
  /** Whether some route of the app answers the request (asked only when no rule matches). */
  served: (method: string, path: string) => boolean
  /** The street of a compound, for rules with `area: 'compound'`. */
  compoundStreetId: (id: number) => Promise<number | undefined>
}

/** A route that exists but has no rule: a programming error, refused rather than let through. */
export class MissingAccessRuleError extends Error {
  override readonly name = 'MissingAccessRuleError'
}

export function authorize(options: AuthorizeOptions): RequestHandler {
  return async (req, res, next) => {
    const path = `${req.baseUrl}${req.path}`
    const found = findRule(options.rules, req.method, path)
    if (!found) {
      if (options.served(req.method, req.path)) {
        throw new MissingAccessRuleError(`${req.method} ${path} has no entry in ROUTE_ACCESS`)
      }
      throw new NotFoundError(`No route for ${req.method} ${req.path}`)
    }
    const { rule, params } = found
    const principal = res.locals.principal
    if (rule.permission === 'public') return next()

    if (principal.kind === 'anonymous') {
      if (options.publicRead && isAnonymousPermission(rule.permission)) return next()
      throw res.locals.sessionExpired
        ? new UnauthorizedError('Your session has ended; sign in again', 'session_expired')
        : new UnauthorizedError('Sign in or send an API token to use this route')
    }

    if (principal.kind === 'session' && UNSAFE.has(req.method)) checkCsrf(req, principal.csrfToken)
    if (
      principal.user.mustChangePassword &&
      rule.permission !== 'signedIn' &&
      rule.permission !== 'ownAccount'
    ) {
      throw new ForbiddenError('Change your one-time password first', 'password_change_required')
    }
    if (rule.permission === 'signedIn') return next()
    if (!can(principal.user.role, rule.permission)) {
      throw new ForbiddenError(
        `Your role may not ${permissionEnum.labels[rule.permission].en.toLowerCase()}`,
        'forbidden',
      )
    }
    if (rule.area === 'compound') await checkCompoundArea(options, principal, rule.permission, params.id)
    res.locals.scope = scopeFor(principal, rule.permission)
    next()
  }
}

function isAnonymousPermission(permission: Permission | 'signedIn'): permission is Permission {
  return permission !== 'signedIn' && ANONYMOUS_PERMISSIONS.includes(permission)
}

function checkCsrf(req: Request, expected: string): void {
  const sent = req.get(CSRF_HEADER)
  if (!sent || !sameSecret(sent, expected)) {
    throw new ForbiddenError(
      `A signed-in write needs the ${CSRF_HEADER} header from GET /api/v1/auth/session`,
      'csrf_failed',
    )
  }
}

async function checkCompoundArea(
  options: AuthorizeOptions,
  principal: Principal,
  permission: Permission,
  rawId: string | undefined,
): Promise<void> {
  if (scopeFor(principal, permission).streetIds === null) return
  // A malformed or unknown id is left to the route, which answers 400 or 404 as it does for everyone.
  if (!rawId || !/^[1-9]\d{0,9}$/.test(rawId) || Number(rawId) > 2_147_483_647) return
  const streetId = await options.compoundStreetId(Number(rawId))
  if (streetId === undefined) return
  // A compound the user may not even read is not there for them: the route's own 404, word for word, so the answer
  // does not tell that it exists (as OGC items and exports near it answer).
  if (!inArea(principal, streetId, 'read')) throw new NotFoundError(`No compound has id ${rawId}`)
  if (!inArea(principal, streetId, permission)) {
    throw new ForbiddenError('This compound lies outside the streets assigned to you', 'outside_area')
  }
}
