// POST /api/v1/auth/login and /logout, GET /api/v1/auth/session and POST /api/v1/auth/password.
import { loginRequest, passwordChangeRequest, problemResponse, sessionResponse } from '@renewal-atlas/domain'
import { Router } from 'express'
import type { AccountService } from '../accounts/account.service.ts'
import { jsonBody, registry } from '../openapi/registry.ts'
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './cookie.ts'
import { signedIn } from './principal.ts'
import { loginRateLimits, type RateLimits } from './rate-limit.ts'
import { parseBody } from './request.ts'
import type { SessionService } from './session.service.ts'

export const ACCOUNT_TAGS = ['Accounts 账户']
const problem = { 'application/problem+json': { schema: problemResponse } }

registry.registerComponent('securitySchemes', 'cookieAuth', {
  type: 'apiKey',
  in: 'cookie',
  name: SESSION_COOKIE,
  description:
    'The session of the web app, set by POST /api/v1/auth/login. Cookie-authenticated POST, PATCH and DELETE ' +
    'requests also need the X-CSRF-Token header from GET /api/v1/auth/session.',
})
registry.registerComponent('securitySchemes', 'bearerAuth', {
  type: 'http',
  scheme: 'bearer',
  description: 'A personal access token (atl_…) made with POST /api/v1/tokens, for scripts, QGIS and GDAL.',
})

/** Security of a route that needs a user: a session cookie or a bearer token. */
export const signedInSecurity: Record<string, string[]>[] = [{ cookieAuth: [] }, { bearerAuth: [] }]

/** Refusals every signed-in route can give. */
export const accountErrors = {
  400: { description: 'A field is malformed or missing', content: problem },
  401: { description: 'Not signed in, or the session or token no longer works', content: problem },
  403: {
    description:
      'The role may not do this, the CSRF token is missing, or a one-time password must be changed',
    content: problem,
  },
  429: { description: 'Too many requests; see Retry-After', content: problem },
  500: { description: 'Unexpected server error', content: problem },
}

registry.registerPath({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ACCOUNT_TAGS,
  summary: 'Sign in with a user name and password; sets the session cookie',
  description: 'Failed sign-ins are limited to 5 per 15 minutes per user name and IP, and 50 per IP.',
  request: { body: { content: { 'application/json': { schema: loginRequest } } } },
  responses: {
    200: jsonBody(sessionResponse, 'Signed in: the session, with its CSRF token', 'application/json'),
    400: accountErrors[400],
    401: { description: 'The user name or the password is wrong', content: problem },
    429: accountErrors[429],
  },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ACCOUNT_TAGS,
  summary: 'Sign out: ends the session and clears the cookie',
  security: signedInSecurity,
  responses: { 204: { description: 'Signed out' }, 401: accountErrors[401], 403: accountErrors[403] },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/auth/session',
  tags: ACCOUNT_TAGS,
  summary:
    'Who is signed in, their role, permissions and streets, the CSRF token, and whether reading is public',
  responses: {
    200: jsonBody(sessionResponse, 'The session (anonymous when nobody is signed in)', 'application/json'),
  },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/auth/password',
  tags: ACCOUNT_TAGS,
  summary: 'Change your own password; ends your other sessions',
  description:
    'The new password must have 10 to 256 characters, must not be the user name and must not be easy to guess ' +
    '(zxcvbn-ts score 3 or more: no common password, keyboard walk, sequence or repeated characters). A refusal ' +
    'is 400 with the reason on `newPassword`, in the estimator’s words.',
  security: signedInSecurity,
  request: { body: { content: { 'application/json': { schema: passwordChangeRequest } } } },
  responses: { 204: { description: 'Changed' }, ...accountErrors },
})

export interface AuthRouteOptions {
  sessions: SessionService
  accounts: AccountService
  publicRead: boolean
  limits: RateLimits
}

export function authRoutes({ sessions, accounts, publicRead, limits }: AuthRouteOptions): Router {
  const router = Router()
  router.use('/auth', (_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })

  router.post('/auth/login', ...loginRateLimits(limits), async (req, res) => {
    const { username, password } = parseBody(loginRequest, req)
    const session = await sessions.login(username, password, req.get('user-agent'))
    // A new session id at every sign-in: a cookie planted before sign-in is never promoted (session fixation).
    const previous = res.locals.principal
    if (previous.kind === 'session') await sessions.logout(previous.sessionId)
    setSessionCookie(req, res, session.cookie, session.expiresAt)
    res.json(await accounts.session(session.principal, publicRead))
  })

  router.post('/auth/logout', async (req, res) => {
    const principal = signedIn(res.locals.principal)
    if (principal.kind === 'session') await sessions.logout(principal.sessionId)
    clearSessionCookie(req, res)
    res.status(204).end()
  })

  router.get('/auth/session', async (_req, res) => {
    res.json(await accounts.session(res.locals.principal, publicRead))
  })

  router.post('/auth/password', async (req, res) => {
    const principal = signedIn(res.locals.principal)
    const { currentPassword, newPassword } = parseBody(passwordChangeRequest, req)
    await accounts.changePassword(principal, currentPassword, newPassword)
    res.status(204).end()
  })

  return router
}
