// Maps thrown errors to application/problem+json: typed errors keep their status, anything else is a logged 500.
import { fromPgError } from '@renewal-atlas/db'
import { FileRejected } from '@renewal-atlas/exchange'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { databaseProblem } from './database-problem.ts'
import {
  FileRejectedError,
  HttpError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationError,
} from './errors.ts'

export const PROBLEM_TYPE_BASE = '/api/v1/docs/problems'

/** `instance` names the request; a URL longer than this is cut, so a refusal of a huge URL stays small. */
const MAX_INSTANCE_LENGTH = 2048

/** The RFC 9457 body of a typed error, for the request at `url` (unknown when the HTTP server refused it unread). */
export function problemBody(known: HttpError, url?: string): Record<string, unknown> {
  return {
    ...known.problemMembers(),
    type: `${PROBLEM_TYPE_BASE}#${known.code}`,
    title: known.title,
    status: known.status,
    detail: known.message,
    code: known.code,
    ...(url === undefined
      ? {}
      : { instance: url.length <= MAX_INSTANCE_LENGTH ? url : `${url.slice(0, MAX_INSTANCE_LENGTH)}…` }),
    ...(known.errors ? { errors: known.errors } : {}),
  }
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route for ${req.method} ${req.path}`))
}

export const problemHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    next(error)
    return
  }
  const known = asHttpError(error)
  if (known) {
    req.log?.info({ status: known.status, code: known.code, detail: known.message }, 'request refused')
    res
      .status(known.status)
      .set(known.headers())
      .type('application/problem+json')
      .json(problemBody(known, req.originalUrl))
    return
  }
  req.log?.error({ err: error }, 'unhandled error')
  res
    .status(500)
    .type('application/problem+json')
    .json({
      type: `${PROBLEM_TYPE_BASE}#internal_error`,
      title: 'Internal server error',
      status: 500,
      detail: 'The server could not complete the request. The error has been logged.',
      code: 'internal_error',
      instance: req.originalUrl.slice(0, MAX_INSTANCE_LENGTH),
    })
}

/**
 * Typed errors as they are; the database's errors by their SQLSTATE (fromPgError); those raised by express and its
 * body parser by their own status and type.
 */
function asHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error
  if (error instanceof FileRejected) return new FileRejectedError(error.status, error.code, error.reason)
  const database = fromPgError(error)
  if (database) return databaseProblem(database)
  const { status, type } = error as { status?: unknown; type?: unknown }
  if (type === 'entity.too.large')
    return new PayloadTooLargeError('The request body is larger than the limit')
  if (type === 'entity.parse.failed') {
    return new ValidationError([{ name: 'body', in: 'body', reason: 'the request body is not valid JSON' }])
  }
  if (error instanceof URIError || (typeof status === 'number' && status >= 400 && status < 500)) {
    return new ValidationError([
      { name: 'path', in: 'path', reason: 'the URL is not valid percent-encoded UTF-8' },
    ])
  }
  return undefined
}
