// Request parts the account routes read: a JSON body checked against its zod schema, and If-Match versions.
import type { Request } from 'express'
import type { z } from 'zod'
import { type FieldError, PreconditionRequiredError, ValidationError } from '../http/errors.ts'

/** The body parsed with `schema`; a failure is a 400 naming each field (dotted path) in the body. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  if (
    req.body === undefined ||
    req.body === null ||
    typeof req.body !== 'object' ||
    Array.isArray(req.body)
  ) {
    throw new ValidationError([
      {
        name: 'body',
        in: 'body',
        reason: 'the request body must be a JSON object (Content-Type: application/json)',
      },
    ])
  }
  const result = schema.safeParse(req.body)
  if (result.success) return result.data
  const errors: FieldError[] = result.error.issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? { name: issue.keys.join(','), in: 'body', reason: 'unknown field' }
      : { name: issue.path.map(String).join('.') || 'body', in: 'body', reason: issue.message },
  )
  throw new ValidationError(errors)
}

/** The version in `If-Match: "<version>"`; 428 when the header is missing, 400 when it names no version. */
export function ifMatchVersion(req: Request): number {
  const header = req.get('if-match')
  if (!header) throw new PreconditionRequiredError()
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header)
  if (!match) {
    throw new ValidationError([
      { name: 'If-Match', in: 'header', reason: 'If-Match must be the ETag of the record, such as "3"' },
    ])
  }
  return Number(match[1])
}
