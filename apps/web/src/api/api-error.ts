// The one error type the HTTP client throws, so the UI can say what went wrong in the user's language.

/** network: no answer; http: a non-2xx answer; invalid_response: an answer that is not what the schema says. */
export type ApiErrorKind = 'network' | 'http' | 'invalid_response'

export interface ApiErrorDetails {
  url: string
  status?: number
  /** The RFC 9457 problem document's title and detail, when the API sent one. */
  problemTitle?: string
  problemDetail?: string
}

export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: ApiErrorDetails,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/** Any failure as an ApiError; anything else is a bug in the client, shown as a bad response, not a crash. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError('invalid_response', message, { url: window.location.href }, { cause: error })
}
