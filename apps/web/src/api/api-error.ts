// The errors the HTTP client throws, one class per refusal the UI explains differently, so a screen can say what
// went wrong in the user's language: sign in, your role may not, outside your streets, someone else changed it, slow
// down.

/** network: no answer; http: a non-2xx answer; invalid_response: an answer that is not what the schema says. */
export type ApiErrorKind = 'network' | 'http' | 'invalid_response'

/** One field the API refused, as its problem document names it (`errors` of a 400). */
export interface FieldProblem {
  name: string
  in: string
  reason: string
}

export interface ApiErrorDetails {
  url: string
  status?: number
  /** The RFC 9457 problem document's title and detail, when the API sent one. */
  problemTitle?: string
  problemDetail?: string
  /** The problem's machine-readable code: invalid_credentials, outside_area, csrf_failed, version_conflict… */
  problemCode?: string
  fieldProblems?: FieldProblem[]
}

export class ApiError extends Error {
  override readonly name: string = 'ApiError'

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: ApiErrorDetails,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/** 400: a field is malformed or breaks a rule; `details.fieldProblems` names each. */
export class InvalidInputError extends ApiError {
  override readonly name = 'InvalidInputError'
  get fieldProblems(): FieldProblem[] {
    return this.details.fieldProblems ?? []
  }
}

/** 401: nobody is signed in, the session has ended, or (at sign-in) the user name or password is wrong. */
export class SignInRequiredError extends ApiError {
  override readonly name = 'SignInRequiredError'
}

/** Why a signed-in user was refused (403). */
export type ForbiddenReason = 'role' | 'outside_area' | 'csrf' | 'password_change_required'

/** 403: the role lacks the permission, the record is outside the user's streets, or the CSRF token is stale. */
export class ForbiddenError extends ApiError {
  override readonly name = 'ForbiddenError'
  get reason(): ForbiddenReason {
    switch (this.details.problemCode) {
      case 'outside_area':
        return 'outside_area'
      case 'csrf_failed':
        return 'csrf'
      case 'password_change_required':
        return 'password_change_required'
      default:
        return 'role'
    }
  }
}

/** 404: the record does not exist (or has been deleted). */
export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError'
}

/** 409: the change conflicts with another record (a user name that is taken, the last administrator). */
export class ConflictError extends ApiError {
  override readonly name = 'ConflictError'
}

/**
 * 412: the write named a version that is no longer current. `current` is the record as it is now, already parsed
 * with the schema the caller gave (or undefined when it gave none or the body did not fit).
 */
export class VersionConflictError<T = unknown> extends ApiError {
  override readonly name = 'VersionConflictError'
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly currentVersion: number | undefined,
    readonly current: T | undefined,
  ) {
    super('http', message, details)
  }
}

/** 428: a write was sent without If-Match (a client bug; the user can only reload). */
export class PreconditionRequiredError extends ApiError {
  override readonly name = 'PreconditionRequiredError'
}

/** 429: too many requests; `retryAfterSeconds` from the Retry-After header when the API sent one. */
export class RateLimitedError extends ApiError {
  override readonly name = 'RateLimitedError'
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super('http', message, details)
  }
}

/** Any failure as an ApiError; anything else is a bug in the client, shown as a bad response, not a crash. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError('invalid_response', message, { url: window.location.href }, { cause: error })
}
