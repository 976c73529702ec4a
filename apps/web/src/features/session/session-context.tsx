// The session as React state: asked of GET /api/v1/auth/session at start and after every sign-in and sign-out.
// It hands the CSRF token to the HTTP client and opens the one sign-in dialog from wherever a screen needs it.
import type { Permission, RouteAccessKey } from '@renewal-atlas/domain'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import {
  fetchSession,
  type Session,
  signIn as signInRequest,
  signOut as signOutRequest,
} from '../../api/auth.api.ts'
import { setCsrfToken, setSessionEndedListener } from '../../api/http-client.ts'
import { mayUseRoute, permits } from './access.ts'

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; session: Session }

export interface SessionApi {
  state: SessionState
  /** The session once known; a visitor without rights while loading, so screens hide rather than offer. */
  session: Session
  refresh: () => Promise<void>
  /** Rejects with the API's refusal (wrong password, too many attempts) for the dialog to explain. */
  signIn: (username: string, password: string) => Promise<Session>
  signOut: () => Promise<void>
  permits: (permission: Permission, streetCode?: string) => boolean
  mayUseRoute: (key: RouteAccessKey, streetCode?: string) => boolean
  signInOpen: boolean
  openSignIn: () => void
  closeSignIn: () => void
}

const nobody: Session = {
  authenticated: false,
  via: 'anonymous',
  user: null,
  permissions: [],
  areaLimited: [],
  csrfToken: null,
  publicRead: false,
  demoAccounts: false,
}

const SessionContext = createContext<SessionApi | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const [signInOpen, setSignInOpen] = useState(false)

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken)
    setState({ status: 'ready', session })
  }, [])

  const refresh = useCallback(async () => {
    try {
      accept(await fetchSession())
    } catch (error) {
      console.error('Reading the session failed', error)
      setState({ status: 'error', error: asApiError(error) })
    }
  }, [accept])

  useEffect(() => {
    void refresh()
    // A session that ends while the page is open (idle timeout, signed out elsewhere): ask again who this is.
    setSessionEndedListener(() => void refresh())
    return () => setSessionEndedListener(null)
  }, [refresh])

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await signInRequest({ username, password })
      accept(session)
      setSignInOpen(false)
      return session
    },
    [accept],
  )

  const signOut = useCallback(async () => {
    try {
      await signOutRequest()
    } catch (error) {
      // An ended session cannot be ended twice; whatever happened, the page asks again who it is.
      console.warn('Signing out failed', error)
    }
    await refresh()
  }, [refresh])

  const value = useMemo<SessionApi>(() => {
    const session = state.status === 'ready' ? state.session : nobody
    return {
      state,
      session,
      refresh,
      signIn,
      signOut,
      permits: (permission, streetCode) => permits(session, permission, streetCode),
      mayUseRoute: (key, streetCode) => mayUseRoute(session, key, streetCode),
      signInOpen,
      openSignIn: () => setSignInOpen(true),
      closeSignIn: () => setSignInOpen(false),
    }
  }, [state, refresh, signIn, signOut, signInOpen])

  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession() must be used inside <SessionProvider>')
  return session
}
