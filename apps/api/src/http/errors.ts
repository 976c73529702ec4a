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

  /** Members of the problem body beyond the standard ones (RFC 9457 extension members). */
  problemMembers(): Record<string, unknown> {
    return {}
  }

  /** Response headers that belong to this refusal (WWW-Authenticate, Retry-After). */
  headers(): Record<string, string> {
    return {}
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

/** 401: the route needs a signed-in user or an API token, and the request has neither (or a bad one). */
export class UnauthorizedError extends HttpError {
  readonly status = 401
  readonly code: string
  readonly title = 'Authentication required'
  constructor(detail: string, code = 'unauthenticated') {
    super(detail)
    this.code = code
  }
  override headers(): Record<string, string> {
    return { 'WWW-Authenticate': 'Bearer realm="renewal-atlas"' }
  }
}

/**
 * 403: the user is known but may not do this: the role lacks the permission (`forbidden`), the record lies
 * outside the user's area (`outside_area`), the CSRF token is missing or wrong (`csrf_failed`), or the user
 * must first change a one-time password (`password_change_required`).
 */
export class ForbiddenError extends HttpError {
  readonly status = 403
  readonly code: string
  readonly title = 'Forbidden'
  constructor(detail: string, code = 'forbidden') {
    super(detail)
    this.code = code
  }
}

/** 404: the addressed record or route does not exist. */
export class NotFoundError extends HttpError {
  readonly status = 404
  readonly code = 'not_found'
  readonly title = 'Not found'
}

/** 409: the request conflicts with a record that exists, such as a user name that is taken. */
export class ConflictError extends HttpError {
  readonly status = 409
  readonly code = 'conflict'
  readonly title = 'Conflict'
}

/** 412: If-Match names a version that is no longer current; the body carries the record as it is now. */
export class VersionConflictError extends HttpError {
  readonly status = 412
  readonly code = 'version_conflict'
  readonly title = 'The record was changed by someone else'
  constructor(
    readonly currentVersion: number,
    readonly current: unknown,
    detail = `The record is at version ${currentVersion}; reload it and apply the change again`,
  ) {
    super(detail)
  }
  override problemMembers(): Record<string, unknown> {
    return { currentVersion: this.currentVersion, current: this.current }
  }
}

/** 413: the request body is over the size limit. */
export class PayloadTooLargeError extends HttpError {
  readonly status = 413
  readonly code = 'payload_too_large'
  readonly title = 'Request body too large'
}

/** 400: the request is not readable HTTP at all, so no route could see it (answered by the HTTP server). */
export class MalformedRequestError extends HttpError {
  readonly status = 400
  readonly code = 'malformed_request'
  readonly title = 'Malformed request'
}

/** 408: the request line and headers did not all arrive in time (answered by the HTTP server). */
export class RequestTimeoutError extends HttpError {
  readonly status = 408
  readonly code = 'request_timeout'
  readonly title = 'Request timeout'
}

/** 414: the URL (path and query) is longer than the server reads; nothing else of the request was looked at. */
export class UriTooLongError extends HttpError {
  readonly status = 414
  readonly code = 'uri_too_long'
  readonly title = 'URI too long'
}

/** 431: the request line and headers together (cookies included) are larger than the server reads. */
export class HeadersTooLargeError extends HttpError {
  readonly status = 431
  readonly code = 'headers_too_large'
  readonly title = 'Request header fields too large'
}

/** 428: a write needs If-Match with the ETag of the version it was based on. */
export class PreconditionRequiredError extends HttpError {
  readonly status = 428
  readonly code = 'precondition_required'
  readonly title = 'If-Match required'
  constructor(detail = 'Send If-Match with the ETag of the version you read') {
    super(detail)
  }
}

/** 429: too many requests in the window; Retry-After says how many seconds to wait. */
export class TooManyRequestsError extends HttpError {
  readonly status = 429
  readonly code = 'too_many_requests'
  readonly title = 'Too many requests'
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail)
  }
  override headers(): Record<string, string> {
    return { 'Retry-After': String(Math.max(1, Math.ceil(this.retryAfterSeconds))) }
  }
}

/** 503: the database is not reachable or not ready. */
export class ServiceUnavailableError extends HttpError {
  readonly status = 503
  readonly code = 'service_unavailable'
  readonly title = 'Service unavailable'
}

/**
 * 413, 415 or 422: an uploaded file refused as a whole before anything was written (too large, a zip bomb, an
 * unsafe or nested zip entry, a Shapefile whose parts disagree, JSON nested too deep…); `code` names the case.
 */
export class FileRejectedError extends HttpError {
  readonly title = 'The file cannot be read'
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail, [{ name: 'file', in: 'body', reason: detail }])
  }
}

/** A compound an outline would overlap, and by how much. */
export interface Overlap {
  id: number
  code: string
  name: string
  areaM2: number
}

/** 409: a new outline overlaps other compounds; `allowOverlap=true` writes it anyway. The body names them. */
export class OverlapError extends HttpError {
  readonly status = 409
  readonly code = 'overlaps_compounds'
  readonly title = 'The outline overlaps other compounds'
  constructor(
    readonly overlaps: readonly Overlap[],
    reason: string,
  ) {
    super(
      `${reason}: ${overlaps.map((o) => `${o.name} (${o.code}, ${Math.round(o.areaM2)} m²)`).join(', ')}`,
      [{ name: 'geometry', in: 'body', reason }],
    )
  }
  override problemMembers(): Record<string, unknown> {
    return { overlaps: this.overlaps }
  }
}
