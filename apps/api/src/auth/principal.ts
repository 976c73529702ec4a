// Who is making the request (res.locals.principal) and which streets its reads are narrowed to (res.locals.scope).
import type { Role } from '@renewal-atlas/domain'
import { UnauthorizedError } from '../http/errors.ts'

export interface PrincipalUser {
  id: number
  username: string
  displayName: string | null
  role: Role
  /** Streets (ids) of an area-limited role; empty for the others. */
  streetIds: number[]
  mustChangePassword: boolean
  demo: boolean
}

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'session'; user: PrincipalUser; sessionId: string; csrfToken: string }
  | { kind: 'token'; user: PrincipalUser; tokenId: number }

export type SignedIn = Exclude<Principal, { kind: 'anonymous' }>

/** The streets a list read is narrowed to: null for all. */
export interface Scope {
  streetIds: number[] | null
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' })
export const UNLIMITED: Scope = Object.freeze({ streetIds: null })

declare global {
  namespace Express {
    interface Locals {
      principal: Principal
      scope: Scope
      /** Set when the request carried a session cookie that is no longer valid. */
      sessionExpired?: boolean
    }
  }
}

export function isSignedIn(principal: Principal): principal is SignedIn {
  return principal.kind !== 'anonymous'
}

/** The signed-in principal of a route whose rule needs a user (the authorization middleware saw to it). */
export function signedIn(principal: Principal): SignedIn {
  if (!isSignedIn(principal)) throw new UnauthorizedError('Sign in or send an API token to use this route')
  return principal
}
