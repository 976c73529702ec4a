import { describe, expect, it } from 'vitest'
import type { Session } from '../../api/auth.api.ts'
import { mayUseRoute, permits } from './access.ts'

const SHAHE = '510104030'
const OTHER = '510104017'

function createSession(role: 'admin' | 'planner' | 'viewer' | 'design_institute' | null): Session {
  if (role === null) {
    return {
      authenticated: false,
      via: 'anonymous',
      user: null,
      permissions: ['read', 'readStats', 'export'],
      areaLimited: [],
      csrfToken: null,
      publicRead: true,
      demoAccounts: false,
    }
  }
  const permissions: Record<typeof role, Session['permissions']> = {
    admin: ['read', 'readStats', 'export', 'editCompounds', 'manageUsers', 'viewAudit', 'restoreDeleted'],
    planner: ['read', 'readStats', 'export', 'editCompounds', 'ownAccount'],
    viewer: ['read', 'readStats', 'ownAccount'],
    design_institute: ['read', 'export', 'ownAccount'],
  }
  return {
    authenticated: true,
    via: 'session',
    user: {
      id: 7,
      username: `u-${role}`,
      displayName: null,
      role,
      roleLabel: { zh: '', en: '' },
      streets: role === 'planner' || role === 'design_institute' ? [{ code: SHAHE, name: '沙河街道' }] : [],
      mustChangePassword: false,
      demo: false,
    },
    permissions: permissions[role],
    areaLimited: [],
    csrfToken: 'csrf',
    publicRead: true,
    demoAccounts: false,
  }
}

describe('what a session may do', () => {
  it('when a planner looks at a compound in 沙河街道, then editing it is allowed, and outside it is not', () => {
    const planner = createSession('planner')
    expect(mayUseRoute(planner, 'PATCH /api/v1/compounds/{id}', SHAHE)).toBe(true)
    expect(mayUseRoute(planner, 'PATCH /api/v1/compounds/{id}', OTHER)).toBe(false)
    expect(permits(planner, 'editCompounds', OTHER)).toBe(false)
    expect(permits(planner, 'editCompounds')).toBe(true)
  })

  it('when an administrator looks at any compound, then editing and undeleting are allowed', () => {
    const admin = createSession('admin')
    expect(mayUseRoute(admin, 'PATCH /api/v1/compounds/{id}', OTHER)).toBe(true)
    expect(mayUseRoute(admin, 'POST /api/v1/compounds/{id}/undelete')).toBe(true)
  })

  it('when a viewer or a visitor looks at a compound, then no edit is offered, but the dashboard is', () => {
    for (const session of [createSession('viewer'), createSession(null)]) {
      expect(mayUseRoute(session, 'PATCH /api/v1/compounds/{id}', SHAHE)).toBe(false)
      expect(permits(session, 'readStats')).toBe(true)
    }
    expect(permits(createSession('viewer'), 'export')).toBe(false)
  })

  it('when a design institute signs in, then it has no dashboard and no user administration', () => {
    const design = createSession('design_institute')
    expect(permits(design, 'readStats')).toBe(false)
    expect(mayUseRoute(design, 'GET /api/v1/users')).toBe(false)
    expect(mayUseRoute(design, 'POST /api/v1/tokens')).toBe(true)
  })

  it('when nobody is signed in, then sign-out and the own-account routes are not offered', () => {
    const visitor = createSession(null)
    expect(mayUseRoute(visitor, 'POST /api/v1/auth/logout')).toBe(false)
    expect(mayUseRoute(visitor, 'GET /api/v1/tokens')).toBe(false)
    expect(mayUseRoute(visitor, 'GET /api/v1/auth/session')).toBe(true)
  })
})
