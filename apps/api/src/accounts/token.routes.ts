// GET and POST /api/v1/tokens, DELETE /api/v1/tokens/{id}: the caller's own personal access tokens.
import { apiTokenCreated, apiTokenList, idParam, tokenCreateRequest } from '@renewal-atlas/domain'
import { Router } from 'express'
import { ACCOUNT_TAGS, accountErrors, signedInSecurity } from '../auth/auth.routes.ts'
import { signedIn } from '../auth/principal.ts'
import { parseBody } from '../auth/request.ts'
import { parsePath } from '../http/validate.ts'
import { jsonBody, notFound, registry } from '../openapi/registry.ts'
import type { AccountService } from './account.service.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/tokens',
  tags: ACCOUNT_TAGS,
  summary: 'Your personal access tokens that still work (the secrets are never shown again)',
  security: signedInSecurity,
  responses: {
    200: jsonBody(apiTokenList, 'Your tokens, newest first', 'application/json'),
    ...accountErrors,
  },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/tokens',
  tags: ACCOUNT_TAGS,
  summary: 'Make a personal access token for scripts, QGIS or GDAL; the secret is in this answer only',
  security: signedInSecurity,
  request: { body: { content: { 'application/json': { schema: tokenCreateRequest } } } },
  responses: {
    201: jsonBody(apiTokenCreated, 'The token with its secret', 'application/json'),
    ...accountErrors,
  },
})
registry.registerPath({
  method: 'delete',
  path: '/api/v1/tokens/{id}',
  tags: ACCOUNT_TAGS,
  summary: 'Revoke one of your tokens; it stops working at once',
  security: signedInSecurity,
  request: { params: idParam },
  responses: { 204: { description: 'Revoked' }, ...accountErrors, ...notFound },
})

export function tokenRoutes(accounts: AccountService): Router {
  const router = Router()
  router.use('/tokens', (_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })
  router.get('/tokens', async (_req, res) => {
    res.json({ tokens: await accounts.listTokens(signedIn(res.locals.principal)) })
  })
  router.post('/tokens', async (req, res) => {
    const principal = signedIn(res.locals.principal)
    const created = await accounts.createToken(principal, parseBody(tokenCreateRequest, req))
    res.status(201).json(created)
  })
  router.delete('/tokens/:id', async (req, res) => {
    const { id } = parsePath(idParam, req)
    await accounts.revokeToken(signedIn(res.locals.principal), id)
    res.status(204).end()
  })
  return router
}
