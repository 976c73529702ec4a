// One error class per HTTP case; the error middleware turns each into RFC 9457 problem+json.

export interface FieldError {
  name: string
  in: 'query' | 'path' | 'body' | 'header'
  reason: string
}

export abstract class HttpError extends Error {
  abstract readonly status: number
  abstract readonly code: string
  abstract readonly title: string
  readonly errors: FieldError[] | undefined
  constructor(detail: string, errors?: FieldError[]) {
    super(detail)
    this.errors = errors
  }
}

/** 400: a parameter or body field is malformed, out of range or not in its allow-list. */
export class ValidationError extends HttpError {
  readonly status = 400
  readonly code = 'invalid_parameter'
  readonly title = 'Invalid request parameter'
  constructor(errors: FieldError[]) {
    super(errors.map((e) => `${e.name}: ${e.reason}`).join('; '), errors)
  }
}

/** 404: the addressed record or route does not exist. */
export class NotFoundError extends HttpError {
  readonly status = 404
  readonly code = 'not_found'
  readonly title = 'Not found'
}

/** 413: the request body is over the size limit. */
export class PayloadTooLargeError extends HttpError {
  readonly status = 413
  readonly code = 'payload_too_large'
  readonly title = 'Request body too large'
}

/** 503: the database is not reachable or not ready. */
export class ServiceUnavailableError extends HttpError {
  readonly status = 503
  readonly code = 'service_unavailable'
  readonly title = 'Service unavailable'
}
