// /api/v1/imports: upload a survey file (the raw body), validate it feature by feature, commit it in one
// transaction, roll a committed import back, and list the imports. The upload route reads its own body (up to
// IMPORT_LIMITS.maxUploadBytes); the API's JSON parser skips it (app.ts).
import {
  IDEMPOTENCY_HEADER,
  IMPORT_LIMITS,
  idempotencyKey,
  idParam,
  importListQuery,
  importOptions,
  importPage,
  importRecord,
  importUploadQuery,
  importUploadResponse,
  importValidationReport,
  pageOf,
  problemResponse,
} from '@renewal-atlas/domain'
import express, { type Request, type RequestHandler, Router } from 'express'
import { z } from 'zod'
import { signedIn } from '../auth/principal.ts'
import { type FieldError, FileRejectedError, ValidationError } from '../http/errors.ts'
import { parsePath, parseQuery } from '../http/validate.ts'
import { jsonBody, notFound, readErrors, registry } from '../openapi/registry.ts'
import type { ImportService } from './import.service.ts'

/** A client that sends many bad options learns enough from the first few. */
const MAX_FIELD_ERRORS = 20

// ---- OpenAPI ----

const tags = ['Imports 数据导入']
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemResponse } },
})
const json = (schema: z.ZodType, description: string) => jsonBody(schema, description, 'application/json')
const keyHeader = z.object({
  [IDEMPOTENCY_HEADER]: idempotencyKey
    .optional()
    .meta({ description: 'Makes a retry return the first result instead of doing it again' }),
})
const writeErrors = {
  ...readErrors,
  401: problem('No signed-in user or API token'),
  403: problem('The role may not import'),
}
const optionsBody = { required: true, content: { 'application/json': { schema: importOptions } } }

registry.registerPath({
  method: 'post',
  path: '/api/v1/imports',
  tags,
  summary: 'Upload a survey file (GeoJSON, zipped Shapefile or CSV) and read what it holds',
  description:
    'The body is the file itself (`Content-Type: application/octet-stream`). Nothing is imported yet: the answer ' +
    'is the import (status uploaded) and what the server read from the file (columns, sample, detected system ' +
    'with its reason as a code and parameters (`crsReason`), encoding, suggested field mappings, remembered ones ' +
    'for a file of the same columns). With an ' +
    '`Idempotency-Key` used before for the same file, the same import again (200). Uploads not committed within 7 ' +
    'days are deleted.',
  request: {
    query: importUploadQuery,
    headers: keyHeader,
    body: {
      required: true,
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    },
  },
  responses: {
    201: json(importUploadResponse, 'The import and what the file holds'),
    200: json(importUploadResponse, 'The import an earlier request with this Idempotency-Key made'),
    ...writeErrors,
    409: problem('The Idempotency-Key was used for another file'),
    413: problem('The file is larger than the limit'),
    415: problem('The file is not GeoJSON, a zipped Shapefile or CSV'),
    422: problem('The file cannot be read (zip bomb, unsafe entry, parts that disagree, nesting too deep…)'),
  },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/imports/{id}/validate',
  tags,
  summary: 'Check every feature of an upload against the target’s rules; nothing is written',
  description:
    'Invalid geometry with PostGIS’s reason, outside the district, swapped or foreign coordinates, missing or ' +
    'out-of-range attributes, codes repeated or taken, no parent community/compound, outside the planner’s ' +
    'streets; a warning for a building over an existing building of its compound. Each issue is data: its kind ' +
    '(`code`), a `reason` code with named `params` (field, value as written, range, position, system…), the ' +
    'source’s own words as `detail` (PostGIS’s `Self-intersection`) and the place they name as `location` ' +
    '[lon, lat]; no sentence is sent, the client says it in its language (the reason codes and their Chinese ' +
    'and English sentences are in packages/domain, import-reason.words.ts).',
  request: { params: idParam, body: optionsBody },
  responses: {
    200: json(importValidationReport, 'The report per feature, with a preview for the map'),
    ...writeErrors,
    ...notFound,
    409: problem('The import is committed or rolled back already'),
  },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/imports/{id}/commit',
  tags,
  summary: 'Validate again and write the features, all or nothing, in one transaction',
  description:
    'Refused (422 `import_invalid`, with the counts) when a feature is invalid and skipInvalid is false. A ' +
    'committed import answers with its record again; nothing is written twice.',
  request: { params: idParam, headers: keyHeader, body: optionsBody },
  responses: {
    200: json(importRecord, 'The import, committed'),
    ...writeErrors,
    ...notFound,
    409: problem('The import was rolled back, or a record was written meanwhile that conflicts'),
    422: problem('Features are invalid (import_invalid)'),
  },
})
registry.registerPath({
  method: 'post',
  path: '/api/v1/imports/{id}/rollback',
  tags,
  summary: 'Delete exactly the records the import created, in one transaction',
  request: { params: idParam },
  responses: {
    200: json(importRecord, 'The import, rolled back'),
    ...writeErrors,
    ...notFound,
    409: problem('A created record was edited or referenced since (named), or the import was not committed'),
  },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/imports',
  tags,
  summary: 'Imports, newest first: who, when, which file, counts (one’s own; all for an administrator)',
  request: { query: importListQuery },
  responses: { 200: json(importPage, 'A page of imports'), ...writeErrors },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/imports/{id}',
  tags,
  summary: 'One import',
  request: { params: idParam },
  responses: { 200: json(importRecord, 'The import'), ...writeErrors, ...notFound },
})

// ---- request parsing ----

const rawBody = express.raw({ type: () => true, limit: IMPORT_LIMITS.maxUploadBytes })

/**
 * The upload's bytes as req.body (a Buffer; absent for an empty body). A body over the limit is refused as the
 * readers refuse a file too large (413 file_too_large), before it is stored or read.
 */
const readFileBody: RequestHandler = (req, res, next) =>
  rawBody(req, res, (error?: unknown) => {
    if ((error as { type?: unknown } | undefined)?.type !== 'entity.too.large') return next(error)
    const limitMb = IMPORT_LIMITS.maxUploadBytes / 1024 / 1024
    next(
      new FileRejectedError(
        413,
        'file_too_large',
        `The file is larger than the upload limit of ${limitMb} MB`,
      ),
    )
  })

/** The Idempotency-Key header, or null; 400 when it is malformed. */
function idempotencyKeyOf(req: Request): string | null {
  const header = req.get(IDEMPOTENCY_HEADER)
  if (header === undefined) return null
  const parsed = idempotencyKey.safeParse(header)
  if (parsed.success) return parsed.data
  throw new ValidationError([
    { name: IDEMPOTENCY_HEADER, in: 'header', reason: parsed.error.issues[0]?.message ?? 'malformed' },
  ])
}

/** The JSON options of validate and commit; a failure is a 400 naming each field by its path. */
function parseOptions(req: Request) {
  const result = importOptions.safeParse(req.body)
  if (result.success) return result.data
  if (req.body === undefined) {
    throw new ValidationError([
      {
        name: 'body',
        in: 'body',
        reason: 'send the options as a JSON object (Content-Type: application/json)',
      },
    ])
  }
  const errors: FieldError[] = result.error.issues.slice(0, MAX_FIELD_ERRORS).map((issue) => {
    const at = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      return {
        name: issue.keys.map((key) => (at ? `${at}.${key}` : key)).join(','),
        in: 'body',
        reason: 'unknown field',
      }
    }
    return { name: at || 'body', in: 'body', reason: issue.message }
  })
  throw new ValidationError(errors)
}

// ---- routes ----

export function importRoutes(service: ImportService): Router {
  const router = Router()

  router.post('/imports', readFileBody, async (req, res) => {
    const principal = signedIn(res.locals.principal)
    const { fileName } = parseQuery(importUploadQuery, req)
    const key = idempotencyKeyOf(req)
    const bytes: Uint8Array = Buffer.isBuffer(req.body) ? req.body : new Uint8Array(0)
    const { created, response } = await service.upload(principal, { name: fileName, bytes }, key)
    res
      .status(created ? 201 : 200)
      .set('Location', `${req.baseUrl}/imports/${response.import.id}`)
      .json(response)
  })

  router.post('/imports/:id/validate', async (req, res) => {
    const principal = signedIn(res.locals.principal)
    const { id } = parsePath(idParam, req)
    res.json(await service.validate(principal, id, parseOptions(req)))
  })

  router.post('/imports/:id/commit', async (req, res) => {
    const principal = signedIn(res.locals.principal)
    const { id } = parsePath(idParam, req)
    const options = parseOptions(req)
    // Checked for its form only: a commit is idempotent by the import's id (a committed import answers again).
    idempotencyKeyOf(req)
    res.json(await service.commit(principal, id, options))
  })

  router.post('/imports/:id/rollback', async (req, res) => {
    const principal = signedIn(res.locals.principal)
    const { id } = parsePath(idParam, req)
    res.json(await service.rollback(principal, id))
  })

  router.get('/imports', async (req, res) => {
    const principal = signedIn(res.locals.principal)
    const page = pageOf(parseQuery(importListQuery, req))
    res.json(await service.list(principal, page))
  })

  router.get('/imports/:id', async (req, res) => {
    const principal = signedIn(res.locals.principal)
    const { id } = parsePath(idParam, req)
    res.json(await service.get(principal, id))
  })

  return router
}
