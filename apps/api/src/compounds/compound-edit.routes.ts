// Compound (小区) writes and their history: PATCH and DELETE /api/v1/compounds/{id}, GET …/history, POST
// …/history/{entryId}/restore, GET /api/v1/deleted-compounds and POST …/undelete. Every write needs If-Match with
// the ETag of the version it was based on; every answer about one compound carries its ETag.
import {
  compoundFeatureResponse,
  compoundHistoryQuery,
  compoundHistoryResponse,
  compoundPatch,
  compoundVersionConflict,
  compoundWriteQuery,
  deletedCompoundListQuery,
  deletedCompoundPage,
  historyEntryParams,
  idParam,
  pageOf,
  problemResponse,
  restoreQuery,
} from '@renewal-atlas/domain'
import { type Request, type Response, Router } from 'express'
import { z } from 'zod'
import { ANONYMOUS, isSignedIn, type SignedIn } from '../auth/principal.ts'
import {
  type FieldError,
  PreconditionRequiredError,
  UnauthorizedError,
  ValidationError,
} from '../http/errors.ts'
import { featurePage } from '../http/paging.ts'
import { parsePath, parseQuery } from '../http/validate.ts'
import { jsonBody, notFound, readErrors, registry } from '../openapi/registry.ts'
import type { CompoundEditService } from './compound-edit.service.ts'

const MAX_VERSION = 2_147_483_647
/** A client that sends thousands of bad coordinates learns enough from the first few. */
const MAX_FIELD_ERRORS = 20

// ---- OpenAPI ----

const tags = ['Compounds 小区']
const problem = (description: string, schema: z.ZodType = problemResponse) => ({
  description,
  content: { 'application/problem+json': { schema } },
})
const etagHeader = {
  ETag: {
    description: 'The version of the compound, e.g. "4"; send it as If-Match to write',
    schema: { type: 'string' },
  },
} as const
const ifMatch = z.object({
  'If-Match': z
    .string()
    .meta({ description: 'The ETag of the version the write is based on', example: '"3"' }),
})
const writeErrors = {
  ...readErrors,
  401: problem('No signed-in user or API token'),
  403: problem(
    'The role may not do this (`forbidden`), or the compound, which the user may read, or its new outline lies outside the streets the user edits (`outside_area`)',
  ),
  ...notFound,
  409: problem(
    'The new outline overlaps other compounds (listed in `overlaps`); allowOverlap=true writes it',
  ),
  412: problem(
    'If-Match names a version that is no longer current; the body has the compound now',
    compoundVersionConflict,
  ),
  428: problem('If-Match is missing'),
}
const compoundWithEtag = (description: string) => ({
  ...jsonBody(compoundFeatureResponse, description),
  headers: etagHeader,
})

registry.registerPath({
  method: 'patch',
  path: '/api/v1/compounds/{id}',
  tags,
  summary: 'Edit a compound: any of its fields and its outline, at the version named by If-Match',
  description:
    'Absent fields keep their value, null clears a nullable one. The outline must be a valid Polygon inside the ' +
    'district with at most 10,000 vertices; a planner’s outline must lie inside the planner’s streets (403 ' +
    'outside_area), and one that overlaps other compounds is refused with 409 overlaps_compounds naming them ' +
    'unless allowOverlap=true. Rules across fields (renovationYear iff completed) are checked on the record as it ' +
    'would be. Recorded in the history with the record before and after.',
  request: {
    params: idParam,
    query: compoundWriteQuery,
    headers: ifMatch,
    body: { required: true, content: { 'application/json': { schema: compoundPatch } } },
  },
  responses: { 200: compoundWithEtag('The compound as it is now'), ...writeErrors },
})
registry.registerPath({
  method: 'delete',
  path: '/api/v1/compounds/{id}',
  tags,
  summary: 'Delete a compound (soft: an administrator can undelete it)',
  request: { params: idParam, headers: ifMatch },
  responses: { 204: { description: 'Deleted', headers: etagHeader }, ...writeErrors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/compounds/{id}/history',
  tags,
  summary: 'Edit history of a compound, newest first: who, when, what changed, before and after',
  request: { params: idParam, query: compoundHistoryQuery },
  responses: {
    200: { ...jsonBody(compoundHistoryResponse, 'History', 'application/json'), headers: etagHeader },
    ...readErrors,
    ...notFound,
  },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/compounds/{id}/history/{entryId}/restore',
  tags,
  summary:
    'Set a compound back to the state after a history entry (before it, for a delete), as a new version',
  description:
    'With state=before, to the state before the entry instead: that undoes the change, and reaches the record as ' +
    'it was loaded. Recorded in the history as restore.',
  request: { params: historyEntryParams, query: restoreQuery, headers: ifMatch },
  responses: { 200: compoundWithEtag('The compound as restored'), ...writeErrors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/deleted-compounds',
  tags,
  summary: 'Deleted compounds, most recently deleted first, for undeleting',
  request: { query: deletedCompoundListQuery },
  responses: { 200: jsonBody(deletedCompoundPage, 'A page of deleted compounds'), ...readErrors },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/compounds/{id}/undelete',
  tags,
  summary: 'Bring a deleted compound back, at the version named by If-Match',
  request: { params: idParam, headers: ifMatch },
  responses: { 200: compoundWithEtag('The compound, live again'), ...writeErrors },
})

// ---- request parsing ----

const etag = (version: number) => `"${version}"`

/** The signed-in user making a write; 401 for anyone else. */
function signedIn(res: Response): SignedIn {
  const principal = res.locals.principal
  if (!principal || !isSignedIn(principal)) throw new UnauthorizedError('Sign in to change compounds')
  return principal
}

/** The version If-Match names: 428 without one, 400 when it is not a strong ETag such as "3". */
function ifMatchVersion(req: Request): number {
  const header = req.get('If-Match')?.trim()
  if (!header) throw new PreconditionRequiredError()
  if (header === '*') {
    throw new PreconditionRequiredError('If-Match: * names no version; send the ETag of the version you read')
  }
  const match = /^"(\d{1,10})"$/.exec(header)
  const version = match ? Number(match[1]) : Number.NaN
  if (!(version >= 1 && version <= MAX_VERSION)) {
    throw new ValidationError([
      { name: 'If-Match', in: 'header', reason: 'If-Match must be one ETag as the GET sent it, such as "3"' },
    ])
  }
  return version
}

/** The JSON body parsed by a shared schema; a failure is a 400 naming each field by its path (geometry.coordinates.0.3). */
function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const result = schema.safeParse(req.body)
  if (result.success) return result.data
  const errors: FieldError[] = result.error.issues.slice(0, MAX_FIELD_ERRORS).map((issue) => {
    const at = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      return {
        name: issue.keys.map((key) => (at ? `${at}.${key}` : key)).join(','),
        in: 'body',
        reason: 'unknown field',
      }
    }
    if (req.body === undefined) {
      return {
        name: 'body',
        in: 'body',
        reason: 'send the changes as a JSON object (Content-Type: application/json)',
      }
    }
    return { name: at || 'body', in: 'body', reason: issue.message }
  })
  throw new ValidationError(errors)
}

// ---- routes ----

export function compoundEditRoutes(service: CompoundEditService): Router {
  const router = Router()

  router.patch('/compounds/:id', async (req, res) => {
    const principal = signedIn(res)
    const { id } = parsePath(idParam, req)
    const expected = ifMatchVersion(req)
    const { allowOverlap } = parseQuery(compoundWriteQuery, req)
    const patch = parseBody(compoundPatch, req)
    const feature = await service.patch(principal, id, expected, patch, { allowOverlap })
    res.set('ETag', etag(feature.properties.version)).type('application/geo+json').json(feature)
  })

  router.delete('/compounds/:id', async (req, res) => {
    const principal = signedIn(res)
    const { id } = parsePath(idParam, req)
    const version = await service.remove(principal, id, ifMatchVersion(req))
    res.set('ETag', etag(version)).status(204).end()
  })

  router.get('/compounds/:id/history', async (req, res) => {
    const { id } = parsePath(idParam, req)
    const { limit, offset } = parseQuery(compoundHistoryQuery, req)
    const history = await service.history(res.locals.principal ?? ANONYMOUS, id, pageOf({ limit, offset }))
    res.set('ETag', etag(history.currentVersion)).json(history)
  })

  router.post('/compounds/:id/history/:entryId/restore', async (req, res) => {
    const principal = signedIn(res)
    const { id, entryId } = parsePath(historyEntryParams, req)
    const { state, allowOverlap } = parseQuery(restoreQuery, req)
    const feature = await service.restore(principal, id, entryId, ifMatchVersion(req), state, {
      allowOverlap,
    })
    res.set('ETag', etag(feature.properties.version)).type('application/geo+json').json(feature)
  })

  router.get('/deleted-compounds', async (req, res) => {
    const page = pageOf(parseQuery(deletedCompoundListQuery, req))
    const { total, features } = await service.listDeleted(page)
    res.type('application/geo+json').json(featurePage(req, page, total, features))
  })

  router.post('/compounds/:id/undelete', async (req, res) => {
    const principal = signedIn(res)
    const { id } = parsePath(idParam, req)
    const feature = await service.undelete(principal, id, ifMatchVersion(req))
    res.set('ETag', etag(feature.properties.version)).type('application/geo+json').json(feature)
  })

  return router
}
