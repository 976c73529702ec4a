// The area limits of a role: which streets a principal's permission reaches, and the check services call
// before a write that names a street (such as moving a compound to another community).
import { isAreaLimited, type Permission } from '@renewal-atlas/domain'
import { ForbiddenError } from '../http/errors.ts'
import { type Principal, type Scope, UNLIMITED } from './principal.ts'

/** The streets a principal's `permission` is narrowed to; all when the permission is not area-limited. */
export function scopeFor(principal: Principal, permission: Permission): Scope {
  if (principal.kind === 'anonymous' || !isAreaLimited(principal.user.role, permission)) return UNLIMITED
  return { streetIds: principal.user.streetIds }
}

/** Whether `permission` reaches records in the street; unlimited principals reach every street. */
export function inArea(principal: Principal, streetId: number, permission: Permission): boolean {
  const { streetIds } = scopeFor(principal, permission)
  return streetIds === null || streetIds.includes(streetId)
}

/**
 * Throws 403 `outside_area` unless the principal's `permission` (by default editCompounds) reaches the street.
 * The authorization middleware checks the record a route addresses; a service calls this for a street the
 * request moves a record to.
 */
export function assertInArea(
  principal: Principal,
  streetId: number,
  permission: Permission = 'editCompounds',
): void {
  if (!inArea(principal, streetId, permission)) {
    throw new ForbiddenError('The record lies outside the streets assigned to you', 'outside_area')
  }
}
