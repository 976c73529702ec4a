// What the caller of this session may do, from the one permission table in packages/domain: used to hide what a
// role cannot do. The API decides again on every request; this only keeps the screens honest.
import {
  isAreaLimited,
  type Permission,
  ROUTE_ACCESS,
  type RouteAccessKey,
  type RouteRule,
  roleMayUse,
} from '@renewal-atlas/domain'
import type { Session } from '../../api/auth.api.ts'

/** Whether the streets of the signed-in user include `streetCode`. */
function inStreets(session: Session, streetCode: string): boolean {
  return session.user?.streets.some((street) => street.code === streetCode) ?? false
}

/**
 * Whether the caller holds `permission`, and, when the role holds it only inside its streets and a street is
 * given, whether that street is one of them. Without a street the answer is "somewhere".
 */
export function permits(session: Session, permission: Permission, streetCode?: string): boolean {
  if (!session.permissions.includes(permission)) return false
  const user = session.user
  if (!user || streetCode === undefined || !isAreaLimited(user.role, permission)) return true
  return inStreets(session, streetCode)
}

/**
 * Whether the caller may use a route of the API: the route's rule in ROUTE_ACCESS for the user's role (or the
 * permissions of a visitor), and for rules about one compound, the compound's street when it is given.
 */
export function mayUseRoute(session: Session, key: RouteAccessKey, streetCode?: string): boolean {
  const rule: RouteRule = ROUTE_ACCESS[key]
  const user = session.user
  if (rule.permission === 'public') return true
  if (rule.permission === 'signedIn') return user !== null
  if (!user) return session.permissions.includes(rule.permission)
  if (!roleMayUse(user.role, key)) return false
  if (rule.area !== 'compound' || streetCode === undefined) return true
  return !isAreaLimited(user.role, rule.permission) || inStreets(session, streetCode)
}

/** Whether the role holds `permission` only inside the user's streets. */
export function limitedToStreets(session: Session, permission: Permission): boolean {
  return session.user !== null && isAreaLimited(session.user.role, permission)
}
