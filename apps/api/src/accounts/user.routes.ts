// GET and POST /api/v1/users, GET and PATCH /api/v1/users/{id}, POST /api/v1/users/{id}/password: accounts,
// roles and streets, for administrators. PATCH needs If-Match with the user's ETag.
import {
  idParam,
  oneTimePasswordResponse,
  userCreated,
  userCreateRequest,
  userListQuery,
  userPage,
  userPatchRequest,
  userRecord,
} from '@renewal-atlas/domain'
import { type Response, Router } from 'express'
import { z } from 'zod'
import { accountErrors, signedInSecurity } from '../auth/auth.routes.ts'
import { signedIn } from '../auth/principal.ts'
import { ifMatchVersion, parseBody } from '../auth/request.ts'
import { parsePath, parseQuery } from '../http/validate.ts'
import { jsonBody, notFound, registry } from '../openapi/registry.ts'
import type { AccountService } from './account.service.ts'

const tags = ['Users 用户管理']
const json = 'application/json'
const problem = accountErrors[400].content
const versioned = {
  409: {
    description: 'The change would leave no active administrator, or the user name is taken',
    content: problem,
  },
  412: { description: 'If-Match names an old version; the body has the user as it is now', content: problem },
  428: { description: 'If-Match is missing', content: problem },
}

/** If-Match on PATCH: the ETag of GET /api/v1/users/{id}. */
const ifMatchHeader = z.object({
  'If-Match': z.string().meta({ description: 'The ETag of GET /api/v1/users/{id}', example: '"3"' }),
})

registry.registerPath({
  method: 'get',
  path: '/api/v1/users',
  tags,
  summary: 'Users with their roles and streets, by user name',
  security: signedInSecurity,
  request: { query: userListQuery },
  responses: { 200: jsonBody(userPage, 'A page of users', json), ...accountErrors },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/users',
  tags,
  summary: 'Create a user; the answer holds a one-time password the user must change at first sign-in',
  security: signedInSecurity,
  request: { body: { content: { [json]: { schema: userCreateRequest } } } },
  responses: {
    201: jsonBody(userCreated, 'The user and the one-time password', json),
    ...accountErrors,
    409: versioned[409],
  },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/users/{id}',
  tags,
  summary: 'One user; the version is in the ETag header',
  security: signedInSecurity,
  request: { params: idParam },
  responses: { 200: jsonBody(userRecord, 'The user', json), ...accountErrors, ...notFound },
})
registry.registerPath({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags,
  summary: 'Change a user’s display name, role, streets or whether the account is active (If-Match required)',
  security: signedInSecurity,
  request: {
    params: idParam,
    headers: ifMatchHeader,
    body: { content: { [json]: { schema: userPatchRequest } } },
  },
  responses: {
    200: jsonBody(userRecord, 'The user after the change', json),
    ...accountErrors,
    ...notFound,
    ...versioned,
  },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/users/{id}/password',
  tags,
  summary: 'Set a one-time password the user must change; ends the user’s sessions',
  security: signedInSecurity,
  request: { params: idParam },
  responses: {
    200: jsonBody(oneTimePasswordResponse, 'The one-time password, shown once', json),
    ...accountErrors,
    ...notFound,
  },
})

const sendUser = (res: Response, user: { version: number }, status = 200) =>
  res.status(status).set('ETag', `"${user.version}"`).json(user)

export function userRoutes(accounts: AccountService): Router {
  const router = Router()
  router.use('/users', (_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })
  router.get('/users', async (req, res) => {
    res.json(await accounts.listUsers(parseQuery(userListQuery, req)))
  })
  router.post('/users', async (req, res) => {
    const created = await accounts.createUser(
      signedIn(res.locals.principal),
      parseBody(userCreateRequest, req),
    )
    res.status(201).location(`/api/v1/users/${created.user.id}`).json(created)
  })
  router.get('/users/:id', async (req, res) => {
    const { id } = parsePath(idParam, req)
    sendUser(res, await accounts.user(id))
  })
  router.patch('/users/:id', async (req, res) => {
    const { id } = parsePath(idParam, req)
    const version = ifMatchVersion(req)
    const patch = parseBody(userPatchRequest, req)
    sendUser(res, await accounts.updateUser(signedIn(res.locals.principal), id, version, patch))
  })
  router.post('/users/:id/password', async (req, res) => {
    const { id } = parsePath(idParam, req)
    res.json({ oneTimePassword: await accounts.resetPassword(signedIn(res.locals.principal), id) })
  })
  return router
}
